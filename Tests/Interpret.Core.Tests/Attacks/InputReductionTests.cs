using Interpret.Core.Attacks;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Attacks;

public class InputReductionTests
{
    [Theory]
    [InlineData(1, "the plot was boring and the acting was awful !")]
    [InlineData(4, "a very fun movie , not boring")]
    [InlineData(6, "the movie was fine and the acting was great")]
    public void KeepsThePredictionAndNeverLengthensTheInput(int seed, string text)
    {
        using var predictor = TinyModels.BiLstm(seed);
        var input = TinyModels.Text(predictor, text);
        var records = new InputReduction().Run(predictor, input, new MethodOptions()).ToList();
        var attack = records[^1];
        Assert.True(attack.Complete);
        Assert.Equal(attack.Original.Label, attack.Final.Label);
        Assert.All(attack.Steps, s => Assert.Equal(attack.Original.Label, s.Prediction.Label));
        Assert.All(attack.Steps, s => Assert.Null(s.Changes.Single().After));
        Assert.Equal(input.Fields[0].Tokens.Count - attack.Steps.Count, attack.FinalFields[0].Tokens.Count);
        Assert.True(attack.FinalFields[0].Tokens.Count >= 1);
        // Removed positions index the original tokens, are distinct, and never punctuation.
        var removed = attack.Steps.Select(s => s.Changes[0].Position).ToList();
        Assert.Equal(removed.Count, removed.Distinct().Count());
        Assert.All(attack.Steps, s => Assert.Equal(input.Fields[0].Tokens[s.Changes[0].Position].Text, s.Changes[0].Before));
        Assert.All(attack.Steps, s => Assert.False(Attacker.IsIgnored(s.Changes[0].Before)));
        // One batched pass per beam level: the original, one level per removal that held, and at most one
        // final level where no candidate held.
        Assert.True(attack.GradientPasses <= attack.Steps.Count + 2, $"{attack.GradientPasses} passes for {attack.Steps.Count} removals");
        // Streamed records never grow the input either.
        var lengths = records.Select(r => r.FinalFields[0].Tokens.Count).ToList();
        Assert.Equal(lengths.OrderByDescending(l => l), lengths);
    }
}
