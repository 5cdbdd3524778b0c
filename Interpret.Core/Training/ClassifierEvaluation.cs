using Interpret.Core.Data;
using Interpret.Core.Predictors;

namespace Interpret.Core.Training;

/// <summary>Accuracy of a classifier on labelled examples, overall and per gold label.</summary>
public static class ClassifierEvaluation
{
    public static Dictionary<string, double> Evaluate(TextClassifierPredictor predictor, IReadOnlyList<LabeledExample> rows)
    {
        if (rows.Count == 0) throw new InvalidDataException("No labelled rows to score.");
        var correct = new Dictionary<string, int>();
        var seen = new Dictionary<string, int>();
        foreach (var chunk in rows.Chunk(256))
        {
            var predictions = predictor.Predict(chunk.Select(r => predictor.FromTokens(r.Fields)).ToList());
            for (int i = 0; i < chunk.Length; i++)
            {
                var gold = chunk[i].Label;
                seen[gold] = seen.GetValueOrDefault(gold) + 1;
                if (predictions[i].Label == gold) correct[gold] = correct.GetValueOrDefault(gold) + 1;
            }
        }
        var metrics = new Dictionary<string, double> { ["accuracy"] = Math.Round((double)correct.Values.Sum() / rows.Count, 4) };
        foreach (var label in seen.Keys.Order())
            metrics[$"accuracy-{label}"] = Math.Round((double)correct.GetValueOrDefault(label) / seen[label], 4);
        return metrics;
    }
}
