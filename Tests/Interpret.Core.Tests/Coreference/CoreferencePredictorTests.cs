using Interpret.Core.Attacks;
using Interpret.Core.Coreference;
using Interpret.Core.Predictors;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Coreference;

/// <summary>Clusters ↔ labeled instances, the cluster objective's gradient against finite differences, targets,
/// the document limit, and attacks that leave every predicted mention alone.</summary>
public class CoreferencePredictorTests
{
    const string Sentence = "The doctor called the nurse because she was late. Mary saw her dog, it barked.";

    [Fact]
    public void EachClusterIsOneLabeledInstanceWithItsMentions()
    {
        var (predictor, input, prediction) = TinyCoref.WithClusters(Sentence, 2);
        using var _ = predictor;
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        Assert.Equal(prediction.Clusters!.Count, instances.Count);
        for (int i = 0; i < instances.Count; i++)
        {
            var cluster = prediction.Clusters[i];
            Assert.Equal(i, cluster.Id);
            var target = CorefTarget.Decode(instances[i].Target);
            Assert.Equal(cluster.Mentions.Select(m => new MentionSpan(m.Start, m.End)), Assert.Single(target.Clusters));
            Assert.Equal("cluster", instances[i].Label.Kind);
            Assert.Equal(cluster.Mentions[0].Start, instances[i].Label.Start);
            Assert.True(predictor.Holds(instances[i], prediction));
            foreach (var m in cluster.Mentions)
                Assert.Equal(m.Text.Replace(" ", ""), input.Fields[0].Text[m.CharStart..m.CharEnd].Replace(" ", ""));
        }
        // Probability of a cluster = exp(its objective) under the prediction's own scores.
        var values = predictor.ObjectiveValues(instances, Objective.LogProb);
        for (int i = 0; i < instances.Count; i++) Assert.Equal(prediction.Clusters[i].Probability, Math.Exp(values[i]), 5);
        // The seed's single instance: the sum of the clusters' objectives.
        var combined = predictor.CombineInstances(instances);
        Assert.Equal(values.Sum(), predictor.ObjectiveValues([combined], Objective.LogProb)[0], 9);
        Assert.True(predictor.Holds(combined, prediction));
    }

    [Fact]
    public void ClusterObjectiveGradientEqualsCentralDifference()
    {
        // A short text: one pass perturbs every embedding entry both ways.
        var (predictor, input, prediction) = TinyCoref.WithClusters("Mary saw her dog, it barked.", 1);
        using var _ = predictor;
        var labeled = predictor.PredictionsToLabeledInstances(input, prediction)[0];
        foreach (var objective in new[] { Objective.Loss, Objective.Logit })
        {
            var analytic = predictor.GetGradients([labeled], objective).Fields[0][0];
            int entries = analytic.Tokens * analytic.Dim;
            const double step = 1e-6;
            var numeric = predictor.GetGradients(Enumerable.Repeat(labeled, 2 * entries).ToList(), objective, (_, e) =>
            {
                var delta = zeros(2 * entries, entries, dtype: e.dtype);
                for (int i = 0; i < entries; i++)
                {
                    delta[2 * i, i] = step;
                    delta[2 * i + 1, i] = -step;
                }
                return e + delta.view(2 * entries, analytic.Tokens, analytic.Dim);
            }).Objective;
            for (int i = 0; i < entries; i++)
            {
                double expected = (numeric[2 * i] - numeric[2 * i + 1]) / (2 * step);
                Assert.True(Math.Abs(analytic.Gradient[i] - expected) <= 1e-6 * (1 + Math.Abs(expected)),
                    $"{objective}, entry {i}: analytic {analytic.Gradient[i]:R}, finite difference {expected:R}");
            }
            Assert.Contains(analytic.Gradient, g => Math.Abs(g) > 1e-6);
        }
    }

    [Fact]
    public void ATargetNamesACluster()
    {
        using var predictor = TinyCoref.Create();
        var input = TinyCoref.Text(predictor, "The doctor called the nurse because she was late.");
        var labeled = predictor.WithTarget(input, "3-5,6-7");
        Assert.Equal([new MentionSpan(3, 5), new MentionSpan(6, 7)], Assert.Single(CorefTarget.Decode(labeled.Target).Clusters));
        Assert.Equal("the nurse = she", labeled.Label.Value);
        Assert.True(double.IsFinite(predictor.ObjectiveValues([labeled], Objective.Loss)[0]));
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "3-5"));
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "3-5,9-12"));
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "nurse"));
    }

    [Fact]
    public void LongDocumentsAreRefusedNamingTheLimit()
    {
        using var predictor = TinyCoref.Create(maxTokens: 20);
        var error = Assert.Throws<InputException>(() => TinyCoref.Text(predictor, string.Join(' ', Enumerable.Repeat("she was late .", 6))));
        Assert.Contains("at most 20 tokens", error.Message);
    }

    [Fact]
    public void AttacksNeverTouchAPredictedMention()
    {
        var (predictor, input, prediction) = TinyCoref.WithClusters(Sentence, 1);
        using var _ = predictor;
        var mentions = prediction.Clusters!.SelectMany(c => c.Mentions).ToList();
        bool InMention(int position) => mentions.Any(m => position >= m.Start && position < m.End);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        for (int position = 0; position < input.Fields[0].Tokens.Count; position++)
            Assert.Equal(InMention(position), predictor.Protects(instances[0], "text", position));

        var flip = new HotFlip().RunToEnd(predictor, input, new MethodOptions { Instance = 0, MaxFlips = 3 });
        Assert.All(flip.Steps, s => Assert.False(InMention(s.Changes[0].Position)));

        var reduction = new InputReduction().RunToEnd(predictor, input, new MethodOptions { Instance = 0 });
        // Positions are in the input as it was at each step: map them back to the original tokens.
        var remaining = Enumerable.Range(0, input.Fields[0].Tokens.Count).ToList();
        foreach (var step in reduction.Steps)
        {
            int original = remaining[step.Changes[0].Position];
            Assert.False(InMention(original), $"input reduction removed token {original} of a mention");
            remaining.RemoveAt(step.Changes[0].Position);
        }
    }

    [Fact]
    public void RemovingATokenShiftsTheClusterAfterIt()
    {
        var target = new CorefTarget([[new MentionSpan(1, 3), new MentionSpan(6, 7)]], [new MentionSpan(1, 3), new MentionSpan(6, 7), new MentionSpan(8, 9)]);
        var shifted = CorefTarget.Decode(target.WithoutToken(4).Encode());
        Assert.Equal([new MentionSpan(1, 3), new MentionSpan(5, 6)], shifted.Clusters[0]);
        Assert.Equal(new MentionSpan(7, 8), shifted.Protected[2]);
        Assert.True(shifted.Protects(5));
        Assert.False(shifted.Protects(4));
    }
}
