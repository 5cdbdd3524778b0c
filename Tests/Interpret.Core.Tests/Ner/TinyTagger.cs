using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tagging;
using Interpret.Core.Text;
using Interpret.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Ner;

/// <summary>A small random BiLSTM-CRF tagger (the shipped architecture) in double precision: no training, no files.</summary>
public static class TinyTagger
{
    public static readonly string[] Words =
        ["John", "Smith", "Mary", "works", "at", "Google", "in", "downtown", "New", "York", "Paris", "the", "bank", "named", "a", "man", ".", ","];

    public static readonly IReadOnlyList<string> Tags = BioTags.TagSet(["LOC", "PER"]);

    public static NerPredictor Create(int seed = 3, int maxCharacters = 8)
    {
        manual_seed(seed);
        var vocabulary = new Vocabulary(Words);
        var lexicon = new NerLexicon(vocabulary, NerLexicon.CollectCharacters(Words), maxCharacters);
        var config = new BiLstmCrfConfig(lexicon.Words.Count, 4, 2, lexicon.CharacterCount, 3, 3, 3, maxCharacters, 3, Tags.Count, 0.5);
        var model = new BiLstmCrfTagger(config, lexicon);
        model.to(ScalarType.Float64);
        var info = new ModelInfo("tiny-ner", "ner", "test", Tags, [NerPredictor.FieldName], []);
        return new NerPredictor(info, model);
    }

    public static TextInstance Text(Predictor predictor, string text) =>
        predictor.Tokenize(new Dictionary<string, string> { [NerPredictor.FieldName] = text });

    /// <summary>A seed and sentence whose random prediction has at least <paramref name="entities"/> entities.</summary>
    public static (NerPredictor Predictor, TextInstance Input, Prediction Prediction) WithEntities(string text, int entities)
    {
        for (int seed = 1; seed < 200; seed++)
        {
            var predictor = Create(seed);
            var input = Text(predictor, text);
            var prediction = predictor.Predict(input);
            if (prediction.Entities!.Count >= entities) return (predictor, input, prediction);
            predictor.Dispose();
        }
        throw new InvalidOperationException($"No seed below 200 predicts {entities} entities for '{text}'.");
    }
}
