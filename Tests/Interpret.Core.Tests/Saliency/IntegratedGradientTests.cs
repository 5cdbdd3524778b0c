using Interpret.Core.Saliency;
using Interpret.Core.Saliency.Integration;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Saliency;

public class IntegratedGradientTests
{
    [Theory]
    [InlineData("gauss-legendre", "loss")]
    [InlineData("gauss-legendre", "logit")]
    [InlineData("trapezoid", "loss")]
    public void AttributionsSumToTheObjectiveChange(string rule, string objective)
    {
        using var predictor = TinyModels.BiLstm(seed: 3);
        var input = TinyModels.Text(predictor, "the acting was awful but the plot was fun");
        var result = new IntegratedGradient().InterpretToEnd(predictor, input, new MethodOptions { Steps = 50, Rule = rule, Objective = objective });
        var c = result.Instances[0].Completeness!;
        Assert.Equal(result.Instances[0].Fields.Sum(f => f.Raw.Sum()), c.AttributionSum, 12);
        Assert.True(Math.Abs(c.ObjectiveDelta) > 1e-3, "the objective should change along the path");
        Assert.True(c.Error <= 0.01 * Math.Abs(c.ObjectiveDelta) + 1e-4, $"Σ = {c.AttributionSum}, Δf = {c.ObjectiveDelta}");
    }

    [Fact]
    public void ChunkingDoesNotChangeTheResult()
    {
        using var predictor = TinyModels.BiLstm(seed: 5);
        var input = TinyModels.Text(predictor, "not very fun , and boring");
        var whole = new IntegratedGradient().Interpret(predictor, input, new MethodOptions { Steps = 20, Rule = "gauss-legendre" }).ToList();
        var chunked = new IntegratedGradient().Interpret(predictor, input, new MethodOptions { Steps = 20, Rule = "gauss-legendre", Chunk = 6 }).ToList();
        Assert.Equal(1, whole[^1].GradientPasses);
        Assert.Equal(4, chunked[^1].GradientPasses);
        Assert.Equal(5, chunked.Count); // four partial results, then the complete one
        Assert.All(chunked[..^1], r => Assert.False(r.Complete));
        Assert.Equal([6, 12, 18, 20, 20], chunked.Select(r => r.Progress.Done));
        var a = whole[^1].Instances[0].Fields[0].Raw;
        var b = chunked[^1].Instances[0].Fields[0].Raw;
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i], 10);
    }

    [Theory]
    [InlineData("riemann-left")]
    [InlineData("riemann-right")]
    [InlineData("riemann-middle")]
    [InlineData("trapezoid")]
    [InlineData("gauss-legendre")]
    public void RulesIntegratePolynomialsAndWeightsSumToOne(string rule)
    {
        var (alphas, weights) = QuadratureRule.Points(rule, 16);
        Assert.Equal(1.0, weights.Sum(), 12);
        Assert.All(alphas, a => Assert.InRange(a, 0, 1));
        double integral = alphas.Zip(weights, (a, w) => w * a * a).Sum(); // ∫ α² = 1/3
        double tolerance = rule == "gauss-legendre" ? 1e-14 : 0.07;
        Assert.InRange(integral, 1.0 / 3 - tolerance, 1.0 / 3 + tolerance);
    }

    [Fact]
    public void CancellationStopsBetweenChunks()
    {
        using var predictor = TinyModels.BiLstm();
        var input = TinyModels.Text(predictor, "the movie was fine");
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in new IntegratedGradient().Interpret(predictor, input, new MethodOptions { Steps = 1000, Chunk = 10 }, cancel.Token))
                if (++seen == 2) cancel.Cancel();
        });
        Assert.Equal(2, seen);
    }
}
