using System.Security.Cryptography;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>models/&lt;id&gt;/: manifest.json, model.safetensors and vocab.txt. Saving fills in the file list with
/// sizes and SHA-256; loading checks them, so a damaged or half-copied model fails with a clear message.</summary>
public static class ModelFolder
{
    public const string ManifestFile = "manifest.json";
    public const string WeightsFile = "model.safetensors";
    public const string VocabularyFile = "vocab.txt";

    public static void Save(string directory, ModelManifest manifest, TorchSharp.torch.nn.Module model, Vocabulary vocabulary)
    {
        Directory.CreateDirectory(directory);
        SafetensorsWeights.Save(model, Path.Combine(directory, WeightsFile));
        vocabulary.Save(Path.Combine(directory, VocabularyFile));
        var files = new[] { WeightsFile, VocabularyFile }.Select(name => Describe(Path.Combine(directory, name))).ToList();
        (manifest with { Files = files }).Save(Path.Combine(directory, ManifestFile));
    }

    public static Predictor Load(string directory, InputLimits? limits = null)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"{directory} has no {ManifestFile}.", manifestPath);
        var manifest = ModelManifest.Load(manifestPath);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(directory, file.Name);
            if (!File.Exists(path)) throw new FileNotFoundException($"{manifest.Id}: {file.Name} is missing.", path);
            if (Describe(path) != file) throw new InvalidDataException($"{manifest.Id}: {file.Name} does not match the size and SHA-256 in its manifest.");
        }
        var info = new ModelInfo(manifest.Id, manifest.Task, Hash(manifestPath), manifest.Labels, manifest.InputFields,
            Methods.MethodNames.All, manifest.Metrics.GetValueOrDefault("dev"));
        var vocabulary = Vocabulary.Load(Path.Combine(directory, VocabularyFile));
        return manifest.Architecture.Name switch
        {
            BiLstmClassifierSpec.Name => LoadClassifier(new BiLstmClassifier(BiLstmClassifierSpec.Read(manifest.Architecture)), directory, manifest, info, vocabulary, limits),
            EsimSpec.Name => LoadClassifier(new EsimClassifier(EsimSpec.Read(manifest.Architecture)), directory, manifest, info, vocabulary, limits),
            BiLstmCrfSpec.Name => LoadTagger(directory, manifest, info, vocabulary, limits),
            var other => throw new InvalidDataException($"{manifest.Id}: unknown architecture '{other}'."),
        };
    }

    static Predictor LoadClassifier<TModel>(TModel model, string directory, ModelManifest manifest, ModelInfo info, Vocabulary vocabulary, InputLimits? limits)
        where TModel : TorchSharp.torch.nn.Module, ITextClassifierModel
    {
        SafetensorsWeights.Load(model, Path.Combine(directory, WeightsFile));
        limits ??= InputLimits.Default;
        limits = limits with { MaxTokens = Math.Min(limits.MaxTokens, manifest.Tokenization.MaxTokens) };
        return new TextClassifierPredictor(info, model, vocabulary, manifest.Tokenization.LowerCase, limits);
    }

    static Predictor LoadTagger(string directory, ModelManifest manifest, ModelInfo info, Vocabulary vocabulary, InputLimits? limits)
    {
        var (config, characters) = BiLstmCrfSpec.Read(manifest.Architecture);
        var model = new BiLstmCrfTagger(config, new NerLexicon(vocabulary, characters, config.MaxCharacters));
        SafetensorsWeights.Load(model, Path.Combine(directory, WeightsFile));
        limits ??= InputLimits.Default;
        return new NerPredictor(info, model, limits with { MaxTokens = Math.Min(limits.MaxTokens, manifest.Tokenization.MaxTokens) });
    }

    static ModelFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        return new ModelFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>The first 16 hex digits of the manifest's SHA-256: results name the exact model they came from.</summary>
    public static string Hash(string manifestPath) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifestPath)))[..16];
}
