using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert;

/// <summary>
/// A HuggingFace BERT checkpoint directory on local disk: <c>config.json</c>, <c>model.safetensors</c> or
/// <c>pytorch_model.bin</c>, and <c>vocab.txt</c>. Loads <c>BertForMaskedLM</c> (also from a
/// <c>BertForPreTraining</c> checkpoint, whose next-sentence head is ignored) and
/// <c>BertForSequenceClassification</c>, ties the weights a checkpoint leaves out and fails with a clear message on a
/// missing file, an unknown architecture or a shape mismatch.
/// </summary>
public static class BertCheckpoint
{
    public const string ConfigFile = "config.json";
    public const string SafetensorsFile = "model.safetensors";
    public const string PickleFile = "pytorch_model.bin";
    public const string OnnxFile = "model.onnx";
    public const string VocabularyFile = "vocab.txt";

    public static readonly IReadOnlyList<string> MaskedLmArchitectures = ["BertForMaskedLM", "BertForPreTraining"];
    public const string ClassifierArchitecture = "BertForSequenceClassification";
    public const string QuestionAnsweringArchitecture = "BertForQuestionAnswering";
    /// <summary>A bare encoder (no head): a base to fine-tune, not a model to interpret on its own.</summary>
    public const string EncoderArchitecture = "BertModel";

    /// <summary>The architecture the checkpoint's config names (first of <c>architectures</c>).</summary>
    public static string ArchitectureOf(BertConfig config, string directory) =>
        config.Architectures.FirstOrDefault()
        ?? throw new InvalidDataException($"{Path.Combine(directory, ConfigFile)} names no architecture; expected one of {string.Join(", ", MaskedLmArchitectures.Append(ClassifierArchitecture))}.");

    /// <summary>config.json, or for an ONNX export without one, the config read off its graph.</summary>
    public static BertConfig ReadConfig(string directory)
    {
        RequireDirectory(directory);
        var path = Path.Combine(directory, ConfigFile);
        BertConfig config;
        if (File.Exists(path)) config = BertConfig.Load(path);
        else if (File.Exists(Path.Combine(directory, OnnxFile))) { using var import = ReadOnnx(directory, null); config = import.Config; }
        else throw new FileNotFoundException($"{directory} has no {ConfigFile}.", path);
        ArchitectureOf(config, directory);
        if (!File.Exists(Path.Combine(directory, VocabularyFile)))
            throw new FileNotFoundException($"{directory} has no {VocabularyFile}.", Path.Combine(directory, VocabularyFile));
        return config;
    }

    /// <summary>Builds the model the config names and fills it from the weights file (safetensors preferred).</summary>
    public static (nn.Module Model, BertConfig Config) Load(string directory)
    {
        var config = ReadConfig(directory);
        var architecture = ArchitectureOf(config, directory);
        nn.Module model = MaskedLmArchitectures.Contains(architecture) ? new BertForMaskedLm(config)
            : architecture == ClassifierArchitecture ? new BertForSequenceClassification(config)
            : throw new InvalidDataException($"{directory}: architecture '{architecture}' is not supported; expected one of {string.Join(", ", MaskedLmArchitectures.Append(ClassifierArchitecture))}.");
        try
        {
            LoadWeights(model, directory);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return (model, config);
    }

    public static void LoadWeights(nn.Module model, string directory)
    {
        using var scope = NewDisposeScope();
        var (stored, file) = ReadWeights(directory);
        CopyInto(model, Normalise(stored), file);
    }

    static (Dictionary<string, Tensor> Weights, string File) ReadWeights(string directory)
    {
        var safetensors = Path.Combine(directory, SafetensorsFile);
        if (File.Exists(safetensors)) return (Safetensors.LoadStateDict(safetensors), SafetensorsFile);
        if (File.Exists(Path.Combine(directory, OnnxFile)))
        {
            var config = Path.Combine(directory, ConfigFile);
            return (ReadOnnx(directory, File.Exists(config) ? BertConfig.Load(config) : null).Weights, OnnxFile);
        }
        var pickle = Path.Combine(directory, PickleFile);
        if (File.Exists(pickle))
        {
            using var stream = File.OpenRead(pickle);
            Hashtable table;
            try { table = PyTorchUnpickler.UnpickleStateDict(stream); }
            catch (Exception e) when (e is not OutOfMemoryException) { throw new InvalidDataException($"{pickle} could not be read as a PyTorch state dict: {e.Message}", e); }
            return (table.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!), PickleFile);
        }
        throw new FileNotFoundException($"{directory} has none of {SafetensorsFile}, {PickleFile} or {OnnxFile}.", safetensors);
    }

    static Onnx.OnnxBertGraph.Import ReadOnnx(string directory, BertConfig? config)
    {
        var path = Path.Combine(directory, OnnxFile);
        return Onnx.OnnxBertGraph.Read(Onnx.OnnxBertGraph.Parse(File.ReadAllBytes(path), path), path, config);
    }

    /// <summary>Older checkpoints call LayerNorm parameters gamma/beta, and bare <c>BertModel</c> checkpoints lack
    /// the <c>bert.</c> prefix; the tied decoder bias stands in for a missing <c>cls.predictions.bias</c>.</summary>
    static Dictionary<string, Tensor> Normalise(Dictionary<string, Tensor> stored)
    {
        bool prefixed = stored.Keys.Any(k => k.StartsWith("bert.", StringComparison.Ordinal));
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, tensor) in stored)
        {
            var name = key.Replace("LayerNorm.gamma", "LayerNorm.weight").Replace("LayerNorm.beta", "LayerNorm.bias");
            if (!prefixed && (name.StartsWith("embeddings.") || name.StartsWith("encoder.") || name.StartsWith("pooler.")))
                name = "bert." + name;
            result[name] = tensor;
        }
        if (!result.ContainsKey("cls.predictions.bias") && result.TryGetValue("cls.predictions.decoder.bias", out var bias))
            result["cls.predictions.bias"] = bias;
        return result;
    }

    static void CopyInto(nn.Module model, Dictionary<string, Tensor> stored, string file)
    {
        var expected = model.state_dict();
        var missing = expected.Keys.Where(k => !stored.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{file} lacks {missing.Count} weight(s) the model needs: {string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? ", …" : "")}.");
        foreach (var (name, target) in expected)
            if (!stored[name].shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"{file}: '{name}' has shape [{string.Join(", ", stored[name].shape)}] but config.json implies [{string.Join(", ", target.shape)}].");
        if (stored.TryGetValue("cls.predictions.decoder.weight", out var decoder) && !decoder.shape.SequenceEqual(expected["bert.embeddings.word_embeddings.weight"].shape))
            throw new InvalidDataException($"{file}: the MLM decoder's shape [{string.Join(", ", decoder.shape)}] differs from the word embeddings'; untied decoders are not supported.");
        using var _ = no_grad();
        foreach (var (name, target) in expected)
            target.copy_(stored[name].to_type(target.dtype));
    }

    /// <summary>Fills a model's encoder (<c>bert.*</c>) from an encoder's state dict, named with or without the
    /// <c>bert.</c> prefix; heads the encoder does not have keep their values.</summary>
    public static void CopyEncoder(nn.Module model, IReadOnlyDictionary<string, Tensor> encoder, string source)
    {
        var stored = Normalise(encoder.ToDictionary());
        var expected = model.state_dict().Where(kv => kv.Key.StartsWith("bert.", StringComparison.Ordinal)).ToList();
        var missing = expected.Where(kv => !stored.ContainsKey(kv.Key)).Select(kv => kv.Key).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{source} lacks {missing.Count} encoder weight(s): {string.Join(", ", missing.Take(8))}.");
        using var _ = no_grad();
        foreach (var (name, target) in expected)
        {
            if (!stored[name].shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"{source}: '{name}' has shape [{string.Join(", ", stored[name].shape)}], the model expects [{string.Join(", ", target.shape)}].");
            target.copy_(stored[name].to_type(target.dtype));
        }
    }

    static void RequireDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Checkpoint directory {directory} does not exist.");
    }
}
