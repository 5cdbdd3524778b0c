using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Gradients;

/// <summary>The hook-captured embedding gradients equal central finite differences of the objective, in double precision.</summary>
public class FiniteDifferenceTests
{
    const double Step = 1e-6;
    const double Tolerance = 1e-6; // |analytic − numeric| ≤ Tolerance · (1 + |analytic|)

    public static TheoryData<string, Objective> Models => new()
    {
        { "bilstm", Objective.Loss }, { "bilstm", Objective.Logit }, { "bag", Objective.Loss },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientEqualsCentralDifference(string architecture, Objective objective)
    {
        using var predictor = architecture == "bilstm"
            ? TinyModels.BiLstm()
            : TinyModels.Bag(TinyModels.RandomEmbeddings(4, 3), new double[,] { { 1, -2, 0.5, 1 }, { -1, 0.3, 2, -0.7 } }, [0.1, -0.2], ["neg", "pos"]);
        var input = TinyModels.Text(predictor, "the acting was not very fun");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var analytic = predictor.GetGradients([labeled], objective).Fields[0][0];
        int tokens = analytic.Tokens, dim = analytic.Dim;

        // Row 2i perturbs entry i by +h, row 2i+1 by −h; all in one pass through the same hook.
        int entries = tokens * dim;
        var numeric = predictor.GetGradients(Enumerable.Repeat(labeled, 2 * entries).ToList(), objective, (_, e) =>
        {
            var delta = zeros(2 * entries, tokens * dim, dtype: e.dtype);
            for (int i = 0; i < entries; i++)
            {
                delta[2 * i, i] = Step;
                delta[2 * i + 1, i] = -Step;
            }
            return e + delta.view(2 * entries, tokens, dim);
        }).Objective;

        for (int i = 0; i < entries; i++)
        {
            double expected = (numeric[2 * i] - numeric[2 * i + 1]) / (2 * Step);
            double actual = analytic.Gradient[i];
            Assert.True(Math.Abs(actual - expected) <= Tolerance * (1 + Math.Abs(actual)),
                $"entry {i}: analytic {actual:R}, finite difference {expected:R}");
        }
        Assert.Contains(analytic.Gradient, g => Math.Abs(g) > 1e-4); // not trivially zero
    }

    [Fact]
    public void PaddingDoesNotChangeAnyRowsOutputs()
    {
        using var predictor = TinyModels.BiLstm();
        var shortText = TinyModels.Text(predictor, "fun");
        var longText = TinyModels.Text(predictor, "the plot was boring and the acting was awful");
        var together = predictor.Predict([shortText, longText]);
        // Equal up to summation order inside batched BLAS calls (double precision).
        AssertClose(predictor.Predict(shortText).Probabilities.Select(p => p.Probability), together[0].Probabilities.Select(p => p.Probability));
        AssertClose(predictor.Predict(longText).Probabilities.Select(p => p.Probability), together[1].Probabilities.Select(p => p.Probability));
    }

    static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual)
    {
        foreach (var (e, a) in expected.Zip(actual, (e, a) => (e, a))) Assert.Equal(e, a, 12);
    }
}
