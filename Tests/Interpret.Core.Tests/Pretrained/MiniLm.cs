using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Onnx;
using Interpret.Core.Models.Pretrained;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Pretrained;

/// <summary>The package's encoder, imported once for all tests (about 90 MB of float32 weights).</summary>
static class MiniLm
{
    static readonly Lazy<OnnxBertGraph.Import> Encoder = new(() => MiniLmPackage.LoadEncoder());
    static readonly Lazy<WordPieceVocabulary> Words = new(() => MiniLmPackage.LoadVocabulary());
    static readonly Lazy<byte[]> Onnx = new(() => AssemblyResources.Read(MiniLmPackage.DefaultPath, MiniLmPackage.ModelResource));

    public static OnnxBertGraph.Import Import => Encoder.Value;
    public static WordPieceVocabulary Vocabulary => Words.Value;
    public static byte[] OnnxBytes => Onnx.Value;

    /// <summary>A classifier over the encoder (its head random), in eval mode.</summary>
    public static BertForSequenceClassification Classifier(int labels = 3)
    {
        var config = Import.Config with { Architectures = [BertCheckpoint.ClassifierArchitecture], NumLabels = labels };
        var model = new BertForSequenceClassification(config);
        BertCheckpoint.CopyEncoder(model, Import.Weights, MiniLmPackage.ModelResource);
        model.eval();
        return model;
    }

    /// <summary>A span reader over the encoder (its qa_outputs drawn from <paramref name="seed"/>), in eval mode.</summary>
    public static BertForQuestionAnswering SpanReader(int seed = 3)
    {
        var config = Import.Config with { Architectures = [BertCheckpoint.QuestionAnsweringArchitecture] };
        var model = new BertForQuestionAnswering(config);
        BertCheckpoint.CopyEncoder(model, Import.Weights, MiniLmPackage.ModelResource);
        TorchSharp.torch.manual_seed(seed);
        using (TorchSharp.torch.no_grad())
            foreach (var (name, p) in model.named_parameters().Where(p => p.name.StartsWith(BertForQuestionAnswering.Head + ".", StringComparison.Ordinal)))
                p.normal_(0, 0.5);
        model.eval();
        return model;
    }
}
