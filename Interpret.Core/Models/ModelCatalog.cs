using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>The loaded models by id: every folder under the models directory that has a manifest.</summary>
public sealed class ModelCatalog : IDisposable
{
    readonly Dictionary<string, Predictor> _predictors;

    public ModelCatalog(IEnumerable<Predictor> predictors) => _predictors = predictors.ToDictionary(p => p.Id);

    public static ModelCatalog Load(string modelsDirectory, InputLimits? limits = null)
    {
        if (!Directory.Exists(modelsDirectory)) throw new DirectoryNotFoundException($"No models folder at {modelsDirectory}.");
        var folders = Directory.GetDirectories(modelsDirectory).Where(d => File.Exists(Path.Combine(d, ModelFolder.ManifestFile))).Order();
        return new ModelCatalog(folders.Select(f => ModelFolder.Load(f, limits)).ToList());
    }

    public IReadOnlyList<ModelInfo> Models => _predictors.Values.Select(p => p.Info).OrderBy(i => i.Id).ToList();

    public Predictor Get(string id) => _predictors.TryGetValue(id, out var p) ? p
        : throw new UnknownNameException($"Unknown model '{id}'; loaded models: {string.Join(", ", _predictors.Keys.Order())}.");

    public void Dispose()
    {
        foreach (var p in _predictors.Values) p.Dispose();
    }
}
