using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Fixtures;

/// <summary>Small models built inside the tests: no training, no files.</summary>
public static class TinyModels
{
    public static readonly string[] Words =
        ["the", "movie", "was", "great", "awful", "fine", "plot", "acting", "boring", "fun", "a", "and", "not", "very", ".", ",", "!"];

    public static Vocabulary Vocabulary() => new(Words);

    static ModelInfo Info(string id, IReadOnlyList<string> labels) => new(id, "sentiment", "test", labels, ["text"], []);

    /// <summary>A random BiLSTM classifier (the shipped architecture) in double precision.</summary>
    public static TextClassifierPredictor BiLstm(int seed = 7, int classes = 2)
    {
        manual_seed(seed);
        var vocabulary = Vocabulary();
        var model = new BiLstmClassifier(new BiLstmClassifierConfig(vocabulary.Count, 6, 5, classes, 0.5));
        model.to(ScalarType.Float64);
        var labels = Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray();
        return new TextClassifierPredictor(Info("tiny-bilstm", labels), model, vocabulary, lowerCase: true);
    }

    /// <summary>A random ESIM entailment model (the shipped NLI architecture) in double precision.</summary>
    public static TextClassifierPredictor Esim(int seed = 7)
    {
        manual_seed(seed);
        var vocabulary = Vocabulary();
        var model = new EsimClassifier(new EsimConfig(vocabulary.Count, 6, 4, 3, 0.5));
        model.to(ScalarType.Float64);
        var info = new ModelInfo("tiny-esim", "nli", "test", ["entailment", "neutral", "contradiction"], ["premise", "hypothesis"], []);
        return new TextClassifierPredictor(info, model, vocabulary, lowerCase: true);
    }

    public static TextInstance Pair(Predictor predictor, string premise, string hypothesis) =>
        predictor.Tokenize(new Dictionary<string, string> { ["premise"] = premise, ["hypothesis"] = hypothesis });

    /// <summary>A linear bag-of-embeddings classifier with the given embedding table (rows follow <see cref="Vocabulary"/> ids).</summary>
    public static TextClassifierPredictor Bag(double[,] embeddings, double[,] weights, double[] bias, string[] labels)
    {
        var model = new BagOfEmbeddingsClassifier(embeddings, weights, bias);
        return new TextClassifierPredictor(Info("tiny-bag", labels), model, Vocabulary(), lowerCase: true);
    }

    /// <summary>Random embeddings for every vocabulary id, seeded.</summary>
    public static double[,] RandomEmbeddings(int dim, int seed)
    {
        var random = new Random(seed);
        int count = Vocabulary().Count;
        var e = new double[count, dim];
        for (int i = 2; i < count; i++)
            for (int d = 0; d < dim; d++) e[i, d] = random.NextDouble() * 2 - 1;
        return e;
    }

    public static TextInstance Text(Predictor predictor, string text) =>
        predictor.Tokenize(new Dictionary<string, string> { ["text"] = text });
}
