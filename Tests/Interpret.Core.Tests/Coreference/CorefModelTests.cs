using Interpret.Core.Coreference;
using Interpret.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Coreference;

/// <summary>Span enumeration, pruning (forced spans; gold mentions after a little training on a toy document), the
/// loss and the decoder on scores small enough to check by hand.</summary>
public class CorefModelTests
{
    static readonly string[] ToyTokens = ["Mary", "saw", "her", "dog", ".", "The", "dog", "barked", "at", "her", "."];
    // Mary = her = her; her dog = The dog.
    static readonly IReadOnlyList<IReadOnlyList<MentionSpan>> ToyClusters =
    [
        [new(0, 1), new(2, 3), new(9, 10)],
        [new(2, 4), new(5, 7)],
    ];

    [Fact]
    public void CandidatesAreEverySpanUpToTheMaximumWidth()
    {
        var spans = CorefModel.CandidateSpans(5, 2);
        Assert.Equal(9, spans.Count); // 5 of width 1, 4 of width 2
        Assert.Equal(new MentionSpan(0, 1), spans[0]);
        Assert.Equal(new MentionSpan(0, 2), spans[1]);
        Assert.Equal(new MentionSpan(4, 5), spans[^1]);
    }

    static (CorefScores Scores, DisposeScope Scope) Score(CorefModel model, IReadOnlyList<string> tokens, IReadOnlyCollection<MentionSpan>? keep = null)
    {
        var scope = NewDisposeScope();
        model.eval();
        var encoded = model.call(model.Lexicon.Encode([tokens]), NerLexicon.Mask([tokens.Count]));
        return (model.Score(encoded[0], tokens.Count, keep), scope);
    }

    [Fact]
    public void PruningKeepsλTSpansInDocumentOrderPlusForcedOnes()
    {
        using var model = TinyCoref.Model();
        var (scores, scope) = Score(model, ToyTokens);
        using (scope)
        {
            Assert.Equal((int)Math.Ceiling(0.4 * ToyTokens.Length), scores.Kept.Count);
            Assert.Equal(scores.Kept.OrderBy(s => s.Start).ThenBy(s => s.End), scores.Kept);
            // Candidate k's antecedents are the k kept spans before it, nearest first, at most K.
            Assert.Equal(-1, scores.Antecedents[0, 0]);
            Assert.Equal(0, scores.Antecedents[1, 0]);
        }
        var forced = ToyClusters.SelectMany(c => c).ToList();
        var (withForced, scope2) = Score(model, ToyTokens, forced);
        using (scope2) Assert.All(forced, m => Assert.Contains(m, withForced.Kept));
    }

    [Fact]
    public void AfterSomeTrainingPruningKeepsTheGoldMentionsOfAToyDocument()
    {
        using var model = TinyCoref.Model(seed: 5, spansPerToken: 0.6);
        var gold = ToyClusters.SelectMany(c => c).ToHashSet();
        using var optimizer = optim.Adam(model.parameters(), 0.02);
        for (int step = 0; step < 80; step++)
        {
            using var scope = NewDisposeScope();
            model.train();
            optimizer.zero_grad();
            var encoded = model.call(model.Lexicon.Encode([ToyTokens]), NerLexicon.Mask([ToyTokens.Length]));
            var scores = model.Score(encoded[0], ToyTokens.Length);
            var loss = CorefLoss.MentionLoss(scores, ToyClusters) - CorefLoss.LogLikelihood(scores, ToyClusters);
            loss.backward();
            optimizer.step();
        }
        var (trained, scope3) = Score(model, ToyTokens);
        using (scope3)
        {
            Assert.Subset(trained.Kept.ToHashSet(), gold);
        }
    }

    /// <summary>Three kept spans; span 2's antecedents are 1 and 0 (nearest first).</summary>
    static CorefScores HandMade(double[,] antecedentScores, double[] mentionScores)
    {
        var kept = new List<MentionSpan> { new(0, 1), new(2, 3), new(4, 5) };
        var antecedents = new int[3, 2] { { -1, -2 }, { 0, -1 }, { 1, 0 } };
        var scores = tensor(antecedentScores).to_type(ScalarType.Float64);
        return new CorefScores(kept, tensor(mentionScores), kept, tensor(mentionScores), antecedents, scores);
    }

    const double Out = -1e30;

    [Fact]
    public void LogLikelihoodIsTheGoldAntecedentsShareOfTheSoftmax()
    {
        using var scope = NewDisposeScope();
        var scores = HandMade(new double[,] { { 0, Out, Out }, { 0, 1, Out }, { 0, 2, 3 } }, [1, 1, 1]);
        // Cluster {0, 2}: span 0 gold = dummy (p = 1); span 2's gold antecedent is 0 (column 2): e³ / (1 + e² + e³).
        IReadOnlyList<IReadOnlyList<MentionSpan>> cluster = [[new(0, 1), new(4, 5)]];
        double expected = 3 - Math.Log(1 + Math.Exp(2) + Math.Exp(3));
        Assert.Equal(expected, CorefLoss.LogLikelihood(scores, cluster, onlyClusterMentions: true).item<double>(), 12);
        // Over all kept spans, span 1 (no mention) adds log P(dummy) = −log(1 + e).
        Assert.Equal(expected - Math.Log(1 + Math.E), CorefLoss.LogLikelihood(scores, cluster).item<double>(), 12);
        // Without the normaliser: log e³.
        Assert.Equal(3, CorefLoss.LogLikelihood(scores, cluster, onlyClusterMentions: true, normalised: false).item<double>(), 12);
    }

    [Fact]
    public void DecoderLinksEachSpanToItsBestAntecedent()
    {
        using var scope = NewDisposeScope();
        // Span 1 prefers the dummy; span 2 links to span 0 (column 2). Span 1's mention score decides its singleton.
        var scores = HandMade(new double[,] { { 0, Out, Out }, { 0, -1, Out }, { 0, 2, 3 } }, [1, 0.5, 1]);
        Assert.Equal([[new MentionSpan(0, 1), new MentionSpan(4, 5)]], CorefDecoder.Clusters(scores, singletons: false));
        Assert.Equal([[new MentionSpan(0, 1), new MentionSpan(4, 5)], [new MentionSpan(2, 3)]], CorefDecoder.Clusters(scores, singletons: true));
        Assert.Equal([[new MentionSpan(0, 1), new MentionSpan(4, 5)]], CorefDecoder.Clusters(scores, singletons: true, singletonThreshold: 0.6));
        Assert.Equal(5, DistanceBuckets.Of(7));
        Assert.Equal(6, DistanceBuckets.Of(8));
        Assert.Equal(9, DistanceBuckets.Of(500));
    }
}
