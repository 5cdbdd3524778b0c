using Interpret.Core.Predictors;
using Interpret.Core.Saliency;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Saliency;

public class SmoothGradientTests
{
    [Fact]
    public void ZeroNoiseGivesExactlyTheRawGradient()
    {
        using var predictor = TinyModels.BiLstm(seed: 9);
        var input = TinyModels.Text(predictor, "a great plot and awful acting");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        // One sample per pass runs exactly the simple gradient's computation, so the average must match bit for bit.
        var smooth = new SmoothGradient().AttributeToEnd(predictor, labeled, new MethodOptions { NoiseScale = 0, Samples = 7, Chunk = 1 });
        var simple = new SimpleGradient().AttributeToEnd(predictor, labeled, new MethodOptions());
        var raw = predictor.GetGradients([labeled], Objective.Loss).Fields[0][0].Gradient;
        Assert.Equal(raw, smooth.MeanGradient[0]);
        Assert.Equal(raw, simple.MeanGradient[0]);
    }

    [Fact]
    public void ZeroNoiseInBatchedSamplesDiffersOnlyBySummationOrder()
    {
        using var predictor = TinyModels.BiLstm(seed: 9);
        var input = TinyModels.Text(predictor, "a great plot and awful acting");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var smooth = new SmoothGradient().AttributeToEnd(predictor, labeled, new MethodOptions { NoiseScale = 0, Samples = 7, Chunk = 3 });
        var raw = predictor.GetGradients([labeled], Objective.Loss).Fields[0][0].Gradient;
        for (int i = 0; i < raw.Length; i++) Assert.True(Math.Abs(raw[i] - smooth.MeanGradient[0][i]) <= 1e-14 * (1 + Math.Abs(raw[i])));
    }

    [Fact]
    public void SeedReproducesWhateverTheChunking()
    {
        using var predictor = TinyModels.BiLstm(seed: 2);
        var input = TinyModels.Text(predictor, "the movie was very boring");
        var a = new SmoothGradient().InterpretToEnd(predictor, input, new MethodOptions { Samples = 12, Seed = 4 });
        var b = new SmoothGradient().InterpretToEnd(predictor, input, new MethodOptions { Samples = 12, Seed = 4, Chunk = 5 });
        var c = new SmoothGradient().InterpretToEnd(predictor, input, new MethodOptions { Samples = 12, Seed = 5 });
        var ra = a.Instances[0].Fields[0].Raw;
        for (int i = 0; i < ra.Count; i++) Assert.Equal(ra[i], b.Instances[0].Fields[0].Raw[i], 12);
        Assert.NotEqual(ra, c.Instances[0].Fields[0].Raw);
        Assert.Equal(3, b.GradientPasses);
    }

    [Fact]
    public void TimesInputMultipliesByTheEmbedding()
    {
        using var predictor = TinyModels.BiLstm(seed: 2);
        var input = TinyModels.Text(predictor, "fun fun movie");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var options = new MethodOptions { NoiseScale = 0, TimesInput = true };
        var result = new SmoothGradient().AttributeToEnd(predictor, labeled, options);
        var pass = predictor.GetGradients([labeled], Objective.Loss).Fields[0][0];
        for (int t = 0; t < pass.Tokens; t++)
        {
            double expected = 0;
            for (int d = 0; d < pass.Dim; d++) expected += pass.GradientOf(t)[d] * pass.EmbeddingOf(t)[d];
            Assert.Equal(expected, result.Raw[0][t], 12);
        }
    }
}
