using System.Security.Cryptography;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>models/&lt;id&gt;/: manifest.json, model.safetensors and vocab.txt (BERT models add config.json, so
/// the folder is also a HuggingFace checkpoint). Saving fills in the file list with
/// sizes and SHA-256; loading checks them (<see cref="ModelFolderCheck"/>), so a damaged or half-copied model fails
/// with a message naming the file.</summary>
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
        WriteManifest(directory, manifest, [WeightsFile, VocabularyFile]);
    }

    /// <summary>Writes manifest.json listing <paramref name="fileNames"/> (already in the folder) with size and SHA-256.</summary>
    public static void WriteManifest(string directory, ModelManifest manifest, IEnumerable<string> fileNames)
    {
        var files = fileNames.Select(name => Describe(Path.Combine(directory, name))).ToList();
        (manifest with { Files = files }).Save(Path.Combine(directory, ManifestFile));
    }

    /// <summary>Loads one model folder. A folder that fails its checks (<see cref="ModelFolderCheck"/>) or names an
    /// unknown architecture throws <see cref="ModelLoadException"/>; <see cref="ModelCatalog"/> turns any other
    /// failure into one as well.</summary>
    public static Predictor Load(string directory, InputLimits? limits = null)
    {
        var manifest = ModelFolderCheck.ReadManifest(directory);
        ModelFolderCheck.VerifyFiles(directory, manifest);
        var manifestPath = Path.Combine(directory, ManifestFile);
        var info = new ModelInfo(manifest.Id, manifest.Task, Hash(manifestPath), manifest.Labels, manifest.InputFields,
            Methods.MethodNames.All, manifest.Metrics.GetValueOrDefault("dev"));
        Vocabulary Words() => Vocabulary.Load(Path.Combine(directory, VocabularyFile));
        limits ??= InputLimits.Default;
        // Coreference reads whole documents: its manifest's limit (512) applies, not the general token limit.
        if (manifest.Architecture.Name == CorefSpec.Name)
            return new CoreferencePredictor(info, CorefModelFolder.Load(directory, manifest), limits, manifest.Tokenization.MaxTokens);
        limits = limits with { MaxTokens = Math.Min(limits.MaxTokens, manifest.Tokenization.MaxTokens) };
        return manifest.Architecture.Name switch
        {
            BiLstmClassifierSpec.Name => LoadClassifier(new BiLstmClassifier(BiLstmClassifierSpec.Read(manifest.Architecture)), directory, manifest, info, Words(), limits),
            EsimSpec.Name => LoadClassifier(new EsimClassifier(EsimSpec.Read(manifest.Architecture)), directory, manifest, info, Words(), limits),
            BiLstmCrfSpec.Name => LoadTagger(directory, manifest, info, Words(), limits),
            BertSpec.MaskedLm or BertSpec.Classifier => LoadBert(directory, info, limits),
            BertSpec.LoraClassifier => LoadLora(directory, manifest, info, limits),
            BertSpec.LoraSpanReader => LoadLoraSpanReader(directory, info, limits),
            BidafSpec.Name => LoadBidaf(directory, manifest, info, Words(), limits),
            var other => throw new ModelLoadException(directory, ManifestFile, $"unknown architecture '{other}'"),
        };
    }

    /// <summary>A user's HuggingFace BERT checkpoint folder (no manifest): masked LMs get task "masked-lm",
    /// sequence classifiers the task given (default "sentiment"); the config's hash names the model version.</summary>
    public static Predictor LoadCheckpoint(string directory, string id, string? task = null, InputLimits? limits = null)
    {
        var config = BertCheckpoint.ReadConfig(directory);
        bool maskedLm = BertCheckpoint.MaskedLmArchitectures.Contains(BertCheckpoint.ArchitectureOf(config, directory));
        // The version is the config's hash, or for an ONNX export without config.json, the graph's.
        var versioned = Path.Combine(directory, BertCheckpoint.ConfigFile);
        if (!File.Exists(versioned)) versioned = Path.Combine(directory, BertCheckpoint.OnnxFile);
        var info = new ModelInfo(id, maskedLm ? "masked-lm" : task ?? "sentiment", Hash(versioned),
            maskedLm ? [] : config.Labels, ["text"], Methods.MethodNames.All);
        return LoadBert(directory, info, limits ?? InputLimits.Default);
    }

    static Predictor LoadBert(string directory, ModelInfo info, InputLimits limits)
    {
        var (model, config) = BertCheckpoint.Load(directory);
        limits = limits with { MaxTokens = Math.Min(limits.MaxTokens, config.MaxPositions) };
        return DisposingOnFailure(model, () =>
        {
            var vocabulary = WordPieceVocabulary.Load(Path.Combine(directory, BertCheckpoint.VocabularyFile));
            return model switch
            {
                BertForMaskedLm mlm => new MaskedLmPredictor(info, mlm, vocabulary, limits),
                BertForSequenceClassification classifier => new BertClassifierPredictor(info, classifier, vocabulary, limits),
                _ => throw new InvalidDataException($"{info.Id}: no predictor for {model.GetType().Name}."),
            };
        });
    }

    static Predictor LoadLora(string directory, ModelManifest manifest, ModelInfo info, InputLimits limits)
    {
        var (model, config) = Bert.Lora.LoraModelFolder.Load(directory, manifest.Labels);
        limits = limits with { MaxTokens = Math.Min(limits.MaxTokens, config.MaxPositions) };
        return DisposingOnFailure(model, () =>
            new BertClassifierPredictor(info, model, WordPieceVocabulary.Load(Path.Combine(directory, BertCheckpoint.VocabularyFile)), limits));
    }

    static Predictor LoadLoraSpanReader(string directory, ModelInfo info, InputLimits limits)
    {
        var model = Bert.Lora.LoraModelFolder.LoadSpanReader(directory);
        return DisposingOnFailure(model, () =>
        {
            var vocabulary = WordPieceVocabulary.Load(Path.Combine(directory, BertCheckpoint.VocabularyFile));
            var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(vocabulary));
            int positions = model.Config.MaxPositions;
            return new ReadingComprehensionPredictor(info, new BertSpanModel(model, vocabulary), vocabulary, tokenizer.Tokenize,
                limits with { MaxTokens = Math.Min(limits.MaxTokens, positions) }, maxPassageTokens: positions, maxTotalTokens: positions,
                isValidReplacement: id => vocabulary.IsWholeWord(id) && vocabulary[id].All(char.IsLetterOrDigit));
        });
    }

    /// <summary>BiDAF reads PTB tokens (cased) of the question and of the whole passage; HotFlip puts in whole
    /// alphabetic words of its vocabulary.</summary>
    static Predictor LoadBidaf(string directory, ModelManifest manifest, ModelInfo info, Vocabulary vocabulary, InputLimits limits)
    {
        var (config, characters) = BidafSpec.Read(manifest.Architecture);
        var model = new BidafModel(config, new NerLexicon(vocabulary, characters, config.MaxCharacters));
        return DisposingOnFailure(model, () =>
        {
            SafetensorsWeights.Load(model, Path.Combine(directory, WeightsFile));
            var tokenizer = new PtbTokenizer(lowerCase: false);
            return new ReadingComprehensionPredictor(info, model, vocabulary, (text, _) => tokenizer.Tokenize(text), limits,
                maxPassageTokens: manifest.Tokenization.MaxTokens,
                isValidReplacement: id => id > Vocabulary.UnknownId && vocabulary[id].Length > 0 && vocabulary[id].All(char.IsLetter));
        });
    }

    /// <summary>A model whose folder fails to load (bad weights, wrong shapes) is disposed, not left to the finalizer.</summary>
    static Predictor DisposingOnFailure(TorchSharp.torch.nn.Module model, Func<Predictor> build)
    {
        try { return build(); }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    static Predictor LoadClassifier<TModel>(TModel model, string directory, ModelManifest manifest, ModelInfo info, Vocabulary vocabulary, InputLimits limits)
        where TModel : TorchSharp.torch.nn.Module, ITextClassifierModel
    {
        return DisposingOnFailure(model, () =>
        {
            SafetensorsWeights.Load(model, Path.Combine(directory, WeightsFile));
            return new TextClassifierPredictor(info, model, vocabulary, manifest.Tokenization.LowerCase, limits);
        });
    }

    static Predictor LoadTagger(string directory, ModelManifest manifest, ModelInfo info, Vocabulary vocabulary, InputLimits limits)
    {
        var (config, characters) = BiLstmCrfSpec.Read(manifest.Architecture);
        var model = new BiLstmCrfTagger(config, new NerLexicon(vocabulary, characters, config.MaxCharacters));
        return DisposingOnFailure(model, () =>
        {
            SafetensorsWeights.Load(model, Path.Combine(directory, WeightsFile));
            return new NerPredictor(info, model, limits);
        });
    }

    static ModelFile Describe(string path) => new(Path.GetFileName(path), new FileInfo(path).Length, ModelFolderCheck.Sha256(path));

    /// <summary>The first 16 hex digits of the manifest's SHA-256: results name the exact model they came from.</summary>
    public static string Hash(string manifestPath) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifestPath)))[..16];
}
