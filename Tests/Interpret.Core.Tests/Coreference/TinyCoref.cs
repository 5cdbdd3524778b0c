using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Coreference;

/// <summary>A small random span-ranking coreference model (the shipped architecture) in double precision: no files.</summary>
public static class TinyCoref
{
    public static readonly string[] Words =
        ["The", "doctor", "called", "the", "nurse", "because", "she", "was", "late", "he", "Mary", "saw", "her", "dog", "it", "barked", ".", ","];

    public static CorefConfig Config(NerLexicon lexicon, int maxWidth = 4, double spansPerToken = 0.4) =>
        new(lexicon.Words.Count, 4, 2, lexicon.CharacterCount, 3, 3, 3, 8, 4, 3, 6, maxWidth, spansPerToken, 5, 0.3);

    public static CorefModel Model(int seed = 3, double spansPerToken = 0.4)
    {
        manual_seed(seed);
        var lexicon = new NerLexicon(new Vocabulary(Words), NerLexicon.CollectCharacters(Words), 8);
        var model = new CorefModel(Config(lexicon, spansPerToken: spansPerToken), lexicon);
        model.to(ScalarType.Float64);
        return model;
    }

    public static CoreferencePredictor Create(int seed = 3, int maxTokens = 512) =>
        new(new ModelInfo("tiny-coref", "coreference", "test", [], [CoreferencePredictor.FieldName], []), Model(seed), maxTokens: maxTokens);

    public static TextInstance Text(Predictor predictor, string text) =>
        predictor.Tokenize(new Dictionary<string, string> { [CoreferencePredictor.FieldName] = text });

    /// <summary>A seed whose random model predicts at least <paramref name="clusters"/> clusters for the text.</summary>
    public static (CoreferencePredictor Predictor, TextInstance Input, Prediction Prediction) WithClusters(string text, int clusters)
    {
        for (int seed = 1; seed < 200; seed++)
        {
            var predictor = Create(seed);
            var input = Text(predictor, text);
            var prediction = predictor.Predict(input);
            if (prediction.Clusters!.Count >= clusters) return (predictor, input, prediction);
            predictor.Dispose();
        }
        throw new InvalidOperationException($"No seed below 200 predicts {clusters} clusters for '{text}'.");
    }
}
