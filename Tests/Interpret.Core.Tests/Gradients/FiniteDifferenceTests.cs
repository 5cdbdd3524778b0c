using Interpret.Core.Predictors;
using Interpret.Core.Models;
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
        { "bilstm", Objective.Loss }, { "bilstm", Objective.Logit }, { "bag", Objective.Loss }, { "esim", Objective.Loss }, { "esim", Objective.Logit },
    };

    static (TextClassifierPredictor Predictor, TextInstance Input) Build(string architecture) => architecture switch
    {
        "bilstm" => With(TinyModels.BiLstm(), p => TinyModels.Text(p, "the acting was not very fun")),
        "esim" => With(TinyModels.Esim(), p => TinyModels.Pair(p, "the movie was great fun", "the movie was not boring")),
        _ => With(TinyModels.Bag(TinyModels.RandomEmbeddings(4, 3), new double[,] { { 1, -2, 0.5, 1 }, { -1, 0.3, 2, -0.7 } }, [0.1, -0.2], ["neg", "pos"]),
            p => TinyModels.Text(p, "the acting was not very fun")),
    };

    static (TextClassifierPredictor, TextInstance) With(TextClassifierPredictor p, Func<TextClassifierPredictor, TextInstance> input) => (p, input(p));

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientEqualsCentralDifference(string architecture, Objective objective)
    {
        var (predictor, input) = Build(architecture);
        using var _ = predictor;
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var analytic = predictor.GetGradients([labeled], objective).Fields[0];
        for (int field = 0; field < analytic.Length; field++)
        {
            int tokens = analytic[field].Tokens, dim = analytic[field].Dim, entries = tokens * dim;
            // Row 2i perturbs entry i of this field by +h, row 2i+1 by −h; all in one pass through the same hook.
            var numeric = predictor.GetGradients(Enumerable.Repeat(labeled, 2 * entries).ToList(), objective, (f, e) =>
            {
                if (f != field) return e;
                var delta = zeros(2 * entries, entries, dtype: e.dtype);
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
                double actual = analytic[field].Gradient[i];
                Assert.True(Math.Abs(actual - expected) <= Tolerance * (1 + Math.Abs(actual)),
                    $"field {field}, entry {i}: analytic {actual:R}, finite difference {expected:R}");
            }
            Assert.Contains(analytic[field].Gradient, g => Math.Abs(g) > 1e-5); // not trivially zero
        }
    }

    [Theory]
    [InlineData("bilstm")]
    [InlineData("esim")]
    public void PaddingDoesNotChangeAnyRowsOutputs(string architecture)
    {
        using var predictor = architecture == "esim" ? TinyModels.Esim() : TinyModels.BiLstm();
        TextInstance Make(string a, string b) => architecture == "esim" ? TinyModels.Pair(predictor, a, b) : TinyModels.Text(predictor, a + " " + b);
        var shortText = Make("fun", "great");
        var longText = Make("the plot was boring and the acting was awful", "the movie was not very fun , and the plot was a boring mess");
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
