using Interpret.Core.Predictors;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Bert;

/// <summary>Gradients through the whole encoder (attention, GELU, LayerNorm, the tied MLM head or the pooler) equal
/// central finite differences at the word embeddings, in float64.</summary>
public sealed class BertFiniteDifferenceTests
{
    const double Step = 1e-6;
    const double Tolerance = 1e-6;

    public static TheoryData<string, Objective> Cases => new()
    {
        { "mlm", Objective.Loss }, { "mlm", Objective.Logit }, { "classifier", Objective.Loss }, { "classifier", Objective.Logit },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_equals_central_difference(string kind, Objective objective)
    {
        using Predictor predictor = kind == "mlm" ? TinyBertModels.MaskedLm() : TinyBertModels.Classifier();
        var input = TinyBertModels.Text(predictor, kind == "mlm" ? "the nurse said that [MASK] was unbelievably tired ." : "the film was not unbelievably good .");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var analytic = predictor.GetGradients([labeled], objective).Fields[0][0];
        int entries = analytic.Tokens * analytic.Dim;
        var numeric = predictor.GetGradients(Enumerable.Repeat(labeled, 2 * entries).ToList(), objective, (_, e) =>
        {
            var delta = zeros(2 * entries, entries, dtype: e.dtype);
            for (int i = 0; i < entries; i++)
            {
                delta[2 * i, i] = Step;
                delta[2 * i + 1, i] = -Step;
            }
            return e + delta.view(2 * entries, analytic.Tokens, analytic.Dim);
        }).Objective;
        for (int i = 0; i < entries; i++)
        {
            double expected = (numeric[2 * i] - numeric[2 * i + 1]) / (2 * Step);
            double actual = analytic.Gradient[i];
            Assert.True(Math.Abs(actual - expected) <= Tolerance * (1 + Math.Abs(actual)), $"entry {i}: analytic {actual:R}, finite difference {expected:R}");
        }
        Assert.Contains(analytic.Gradient, g => Math.Abs(g) > 1e-4);
    }

    [Fact]
    public void Padding_does_not_change_the_outputs_of_unpadded_positions_in_float64()
    {
        using var predictor = TinyBertModels.MaskedLm();
        var shorter = TinyBertModels.Text(predictor, "the [MASK] was late");
        var longer = TinyBertModels.Text(predictor, "the nurse said that she was very tired and the doctor said that [MASK] was late .");
        var alone = predictor.Predict(shorter).Masks![0].Top;
        var together = predictor.Predict([shorter, longer])[0].Masks![0].Top;
        Assert.Equal(alone.Select(w => w.Label), together.Select(w => w.Label));
        for (int k = 0; k < alone.Count; k++) Assert.Equal(alone[k].Probability, together[k].Probability, 12);
    }
}
