using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>The models by id: every folder under the models directory, plus the users' own HuggingFace checkpoints
/// named in configuration. Each one loads on its own: one that fails is listed as unavailable with its
/// <see cref="ModelLoadFailure"/> (folder, file, reason) while the others serve; in strict mode (for CI) the first
/// failure throws instead. Folders whose name starts with "." (.git, .cache, editors' folders) are not model folders
/// and are skipped; any other folder without manifest.json is reported, not silently left out.</summary>
public sealed class ModelCatalog : IDisposable
{
    readonly Dictionary<string, Predictor> _predictors;
    readonly Dictionary<string, ModelLoadFailure> _unavailable;

    public ModelCatalog(IEnumerable<Predictor> predictors, IReadOnlyDictionary<string, ModelLoadFailure>? unavailable = null)
    {
        _predictors = predictors.ToDictionary(p => p.Id);
        _unavailable = unavailable?.ToDictionary() ?? [];
    }

    public sealed record Checkpoint(string Id, string Directory, string? Task = null);

    public static ModelCatalog Load(string modelsDirectory, InputLimits? limits = null, IEnumerable<Checkpoint>? checkpoints = null,
        bool strict = false)
    {
        if (!Directory.Exists(modelsDirectory))
            throw new ModelLoadException(modelsDirectory, null, "no such folder (the folder of model folders)");
        var predictors = new List<Predictor>();
        var unavailable = new Dictionary<string, ModelLoadFailure>();

        // Loads one model; a failure is recorded under the id it would have had (strict: thrown).
        void TryLoad(string id, string directory, Func<Predictor> load)
        {
            try
            {
                var predictor = load();
                if (predictors.Any(p => p.Id == predictor.Id))
                {
                    predictor.Dispose();
                    throw new ModelLoadException(directory, null, $"model id '{predictor.Id}' is already taken by another model");
                }
                predictors.Add(predictor);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var failure = ModelLoadException.From(directory, e);
                if (strict) throw failure;
                unavailable[id] = failure.Failure;
            }
        }

        try
        {
            foreach (var folder in Directory.GetDirectories(modelsDirectory).Where(d => !Path.GetFileName(d).StartsWith('.')).Order())
                TryLoad(Path.GetFileName(folder), folder, () => ModelFolder.Load(folder, limits));
            foreach (var c in checkpoints ?? [])
            {
                // A configuration mistake, not a broken folder: it stops the start in either mode.
                if (string.IsNullOrWhiteSpace(c.Id)) throw new ModelLoadException(c.Directory, null, "the checkpoint in configuration needs an Id");
                if (predictors.Any(p => p.Id == c.Id) || unavailable.ContainsKey(c.Id))
                    throw new ModelLoadException(c.Directory, null, $"checkpoint id '{c.Id}' is already taken by another model");
                TryLoad(c.Id, c.Directory, () => ModelFolder.LoadCheckpoint(c.Directory, c.Id, c.Task, limits));
            }
            return new ModelCatalog(predictors, unavailable);
        }
        catch
        {
            foreach (var p in predictors) p.Dispose();
            throw;
        }
    }

    /// <summary>The models that loaded, by id.</summary>
    public IReadOnlyList<ModelInfo> Models => _predictors.Values.Select(p => p.Info).OrderBy(i => i.Id).ToList();

    /// <summary>The models that failed to load, by id, each with its <see cref="ModelInfo.Unavailable"/> reason.</summary>
    public IReadOnlyList<ModelInfo> Unavailable =>
        _unavailable.Select(u => ModelInfo.ForUnavailable(u.Key, u.Value)).OrderBy(i => i.Id).ToList();

    /// <summary>Loaded and unavailable models together, by id: what GET /api/models lists.</summary>
    public IReadOnlyList<ModelInfo> All => Models.Concat(Unavailable).OrderBy(i => i.Id).ToList();

    public Predictor Get(string id) =>
        _predictors.TryGetValue(id, out var p) ? p
        : _unavailable.TryGetValue(id, out var failure) ? throw new ModelUnavailableException(id, failure)
        : throw new UnknownNameException($"Unknown model '{id}'; loaded models: {string.Join(", ", _predictors.Keys.Order())}.");

    public void Dispose()
    {
        foreach (var p in _predictors.Values) p.Dispose();
    }
}
