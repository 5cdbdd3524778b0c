using Interpret.Core.Data;
using Interpret.Core.Predictors;
using Interpret.Core.Tagging;

namespace Interpret.Core.Training;

/// <summary>Span-level precision/recall/F1 (conlleval) of an NER predictor on tagged sentences, overall and per type.</summary>
public static class NerEvaluation
{
    /// <summary>Scores the predictor's tags against the file's tags (any IOB variant: conlleval reads both).</summary>
    public static ConllEval Score(NerPredictor predictor, IReadOnlyList<TaggedSentence> sentences, int batchSize = 128)
    {
        if (sentences.Count == 0) throw new InvalidDataException("No tagged sentences to score.");
        // Batches of similar length (little padding; padding never changes a row's result).
        var guesses = new IReadOnlyList<string>[sentences.Count];
        foreach (var chunk in Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Tokens.Count).Chunk(batchSize))
        {
            var predictions = predictor.Predict(chunk.Select(i => predictor.FromTokens(sentences[i].Tokens)).ToList());
            for (int j = 0; j < chunk.Length; j++) guesses[chunk[j]] = predictions[j].Tags!;
        }
        var eval = new ConllEval();
        for (int i = 0; i < sentences.Count; i++) eval.Add(sentences[i].Tags, guesses[i]);
        return eval;
    }

    public static Dictionary<string, double> Evaluate(NerPredictor predictor, IReadOnlyList<TaggedSentence> sentences) =>
        Score(predictor, sentences).Metrics();
}
