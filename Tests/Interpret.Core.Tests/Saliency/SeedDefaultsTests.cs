using Interpret.Core.Predictors;
using Interpret.Core.Saliency;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Saliency;

/// <summary>
/// Each method's defaults reproduce AllenNLP Interpret's definitions on a linear bag-of-embeddings model,
/// where logits z = W·s + b with s = Σₜ eₜ, so ∇ₑₜ log p_c = W_c − Σⱼ pⱼ Wⱼ can be written down by hand.
/// </summary>
public class SeedDefaultsTests
{
    static readonly double[,] W = { { 0.8, -0.5, 0.3 }, { -0.6, 0.9, -0.2 } };
    static readonly double[] B = [0.05, -0.1];
    static readonly double[,] E = TinyModels.RandomEmbeddings(3, 11);

    static TextClassifierPredictor Model() => TinyModels.Bag(E, W, B, ["negative", "positive"]);

    static double[] Row(double[,] m, int r) => Enumerable.Range(0, m.GetLength(1)).Select(c => m[r, c]).ToArray();

    /// <summary>∇ log p_c at α·s (the same for every token of a bag model).</summary>
    static double[] GradLogP(double[] s, double alpha, int c)
    {
        var z = Enumerable.Range(0, 2).Select(j => alpha * Row(W, j).Zip(s, (w, x) => w * x).Sum() + B[j]).ToArray();
        var p = z.Select(v => Math.Exp(v - z.Max())).ToArray();
        var total = p.Sum();
        p = p.Select(v => v / total).ToArray();
        return Enumerable.Range(0, 3).Select(d => W[c, d] - (p[0] * W[0, d] + p[1] * W[1, d])).ToArray();
    }

    static (double[][] Embeddings, int Class) Setup(TextClassifierPredictor predictor, TextInstance input)
    {
        var ids = input.Fields[0].Tokens.Select(t => predictor.Vocabulary.IdOf(t.Text)).ToArray();
        var embeddings = ids.Select(id => Row(E, id)).ToArray();
        var label = predictor.Predict(input).Label;
        return (embeddings, label == "negative" ? 0 : 1);
    }

    static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    static void AssertNormalised(double[] expectedRaw, FieldScores actual)
    {
        var total = expectedRaw.Sum(Math.Abs);
        for (int t = 0; t < expectedRaw.Length; t++)
        {
            Assert.Equal(expectedRaw[t], actual.Raw[t], 10);
            Assert.Equal(Math.Abs(expectedRaw[t]) / total, actual.Normalized[t], 10);
        }
        Assert.Equal(1.0, actual.Normalized.Sum(), 10);
    }

    [Fact]
    public void SimpleGradientIsGradientDotEmbedding()
    {
        using var predictor = Model();
        var input = TinyModels.Text(predictor, "the movie was great fun");
        var (embeddings, c) = Setup(predictor, input);
        var s = Enumerable.Range(0, 3).Select(d => embeddings.Sum(e => e[d])).ToArray();
        var g = GradLogP(s, 1, c);
        var result = new SimpleGradient().InterpretToEnd(predictor, input, new MethodOptions());
        AssertNormalised(embeddings.Select(e => Dot(g, e)).ToArray(), result.Instances[0].Fields[0]);
        Assert.Equal(1, result.GradientPasses);
    }

    [Fact]
    public void IntegratedGradientDefaultsAreTenLeftRiemannStepsFromZeroTimesInput()
    {
        using var predictor = Model();
        var input = TinyModels.Text(predictor, "the plot was boring");
        var (embeddings, c) = Setup(predictor, input);
        var s = Enumerable.Range(0, 3).Select(d => embeddings.Sum(e => e[d])).ToArray();
        var average = new double[3];
        for (int k = 0; k < 10; k++)
        {
            var g = GradLogP(s, k / 10.0, c);
            for (int d = 0; d < 3; d++) average[d] += g[d] / 10;
        }
        var result = new IntegratedGradient().InterpretToEnd(predictor, input, new MethodOptions());
        Assert.Equal(10, result.Options.Steps);
        Assert.Equal("riemann-left", result.Options.Rule);
        Assert.Equal(1, result.GradientPasses); // all ten steps in one batched pass
        AssertNormalised(embeddings.Select(e => Dot(average, e)).ToArray(), result.Instances[0].Fields[0]);
    }

    [Fact]
    public void SmoothGradientDefaultsAverageTenNoisyGradientsWithoutTimesInput()
    {
        using var predictor = Model();
        var input = TinyModels.Text(predictor, "a very fun movie");
        var (embeddings, c) = Setup(predictor, input);
        // With the logit objective a bag model's gradient is W_c whatever the noise: each token scores Σ_d W_c[d].
        var result = new SmoothGradient().InterpretToEnd(predictor, input, new MethodOptions { Objective = "logit" });
        Assert.Equal(10, result.Options.Samples);
        Assert.Equal(0.01, result.Options.NoiseScale);
        Assert.False(result.Options.TimesInput);
        Assert.Equal(new Progress(10, 10), result.Progress);
        AssertNormalised(embeddings.Select(_ => Row(W, c).Sum()).ToArray(), result.Instances[0].Fields[0]);

        // With the loss objective the noise matters, so the result differs from the noiseless gradient, but only a little.
        var noisy = new SmoothGradient().InterpretToEnd(predictor, input, new MethodOptions()).Instances[0].Fields[0].Raw;
        var s = Enumerable.Range(0, 3).Select(d => embeddings.Sum(e => e[d])).ToArray();
        double clean = GradLogP(s, 1, c).Sum();
        Assert.All(noisy, r => Assert.InRange(Math.Abs(r - clean), 1e-12, 0.05 * Math.Abs(clean) + 1e-3));
    }
}
