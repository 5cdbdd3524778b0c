using Interpret.Core.Methods;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Bert;

/// <summary>Small random BERTs built inside the tests, in float64 so finite differences are exact to ~1e-8.</summary>
public static class TinyBertModels
{
    public static readonly WordPieceVocabulary Vocabulary = new([
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", "the", "a", "nurse", "doctor", "said", "that", "he", "she", "was",
        "tired", "late", "film", "good", "bad", "un", "##bel", "##ievably", "##s", "very", "not"]);

    static BertConfig Config(string architecture, int labels = 0) => new()
    {
        Architectures = [architecture],
        VocabularySize = Vocabulary.Count,
        HiddenSize = 8,
        Layers = 2,
        Heads = 2,
        IntermediateSize = 16,
        MaxPositions = 32,
        IdToLabel = labels == 0 ? null : Enumerable.Range(0, labels).ToDictionary(i => i.ToString(), i => $"class{i}"),
    };

    /// <summary>Random weights, LayerNorm scales and biases included, so no parameter is at a trivial value.</summary>
    static void Randomise(nn.Module model, int seed)
    {
        torch.manual_seed(seed);
        using var _ = no_grad();
        foreach (var (name, p) in model.named_parameters())
            p.copy_(name.Contains("LayerNorm.weight") ? 1 + 0.2 * randn_like(p) : 0.5 * randn_like(p));
    }

    public static MaskedLmPredictor MaskedLm(int seed = 1)
    {
        var model = new BertForMaskedLm(Config("BertForMaskedLM"));
        Randomise(model, seed);
        model.to(ScalarType.Float64);
        return new MaskedLmPredictor(new ModelInfo("tiny-mlm", "masked-lm", "test", [], ["text"], MethodNames.All), model, Vocabulary);
    }

    public static BertClassifierPredictor Classifier(int seed = 2)
    {
        var config = Config("BertForSequenceClassification", labels: 2);
        var model = new BertForSequenceClassification(config);
        Randomise(model, seed);
        model.to(ScalarType.Float64);
        return new BertClassifierPredictor(new ModelInfo("tiny-bert-classifier", "sentiment", "test", config.Labels, ["text"], MethodNames.All), model, Vocabulary);
    }

    public static TextInstance Text(Predictor predictor, string text) => predictor.Tokenize(new Dictionary<string, string> { ["text"] = text });
}
