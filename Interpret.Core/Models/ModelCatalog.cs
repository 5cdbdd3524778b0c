using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>The loaded models by id: every folder under the models directory that has a manifest, plus the users'
/// own HuggingFace checkpoints named in configuration.</summary>
public sealed class ModelCatalog : IDisposable
{
    readonly Dictionary<string, Predictor> _predictors;

    public ModelCatalog(IEnumerable<Predictor> predictors) => _predictors = predictors.ToDictionary(p => p.Id);

    public sealed record Checkpoint(string Id, string Directory, string? Task = null);

    public static ModelCatalog Load(string modelsDirectory, InputLimits? limits = null, IEnumerable<Checkpoint>? checkpoints = null)
    {
        if (!Directory.Exists(modelsDirectory)) throw new DirectoryNotFoundException($"No models folder at {modelsDirectory}.");
        var folders = Directory.GetDirectories(modelsDirectory).Where(d => File.Exists(Path.Combine(d, ModelFolder.ManifestFile))).Order();
        var predictors = new List<Predictor>();
        try
        {
            predictors.AddRange(folders.Select(f => ModelFolder.Load(f, limits)));
            foreach (var c in checkpoints ?? [])
            {
                if (string.IsNullOrWhiteSpace(c.Id)) throw new ArgumentException($"The checkpoint at {c.Directory} needs an id.");
                if (predictors.Any(p => p.Id == c.Id)) throw new ArgumentException($"Checkpoint id '{c.Id}' is already taken by another model.");
                try { predictors.Add(ModelFolder.LoadCheckpoint(c.Directory, c.Id, c.Task, limits)); }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    throw new InvalidDataException($"Checkpoint '{c.Id}' ({c.Directory}): {e.Message}", e);
                }
            }
            return new ModelCatalog(predictors);
        }
        catch
        {
            foreach (var p in predictors) p.Dispose();
            throw;
        }
    }

    public IReadOnlyList<ModelInfo> Models => _predictors.Values.Select(p => p.Info).OrderBy(i => i.Id).ToList();

    public Predictor Get(string id) => _predictors.TryGetValue(id, out var p) ? p
        : throw new UnknownNameException($"Unknown model '{id}'; loaded models: {string.Join(", ", _predictors.Keys.Order())}.");

    public void Dispose()
    {
        foreach (var p in _predictors.Values) p.Dispose();
    }
}
