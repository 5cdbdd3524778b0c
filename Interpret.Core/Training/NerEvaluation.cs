using Interpret.Core.Data;
using Interpret.Core.Predictors;
using Interpret.Core.Tagging;

namespace Interpret.Core.Training;

/// <summary>Span-level precision/recall/F1 (conlleval) of an NER predictor on tagged sentences, overall and per type.
/// Gold and predicted tags are both written as BIO before scoring: that keeps every chunk as conlleval reads it (so
/// precision, recall and F1 are conlleval's on the file's own tags), and makes the token accuracy compare like with like
/// (conlleval run on IOB1 gold beside BIO guesses would count every entity's first token "I-X" ≠ "B-X" as a tag error).</summary>
public static class NerEvaluation
{
    /// <summary>Scores the predictor's tags against the file's tags (any IOB variant).</summary>
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
        for (int i = 0; i < sentences.Count; i++) eval.Add(BioTags.ToBio(sentences[i].Tags), BioTags.ToBio(guesses[i]));
        return eval;
    }

    public static Dictionary<string, double> Evaluate(NerPredictor predictor, IReadOnlyList<TaggedSentence> sentences) =>
        Score(predictor, sentences).Metrics();
}
