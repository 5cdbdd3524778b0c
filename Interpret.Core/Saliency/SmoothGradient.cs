using Interpret.Core.Torch;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Saliency;

/// <summary>
/// SmoothGrad (Smilkov et al. 2017) as AllenNLP Interpret computes it: the gradient averaged over samples whose
/// embeddings carry Gaussian noise of σ = noise-scale × (max − min) of the field's embeddings, summed over the
/// embedding dimension (× input optionally). Each sample's noise comes from its own seeded generator, so results
/// reproduce whatever the chunking. Registered as "smooth-gradient".
/// </summary>
public sealed class SmoothGradient : SaliencyInterpreter
{
    public const int MaxSamples = 100_000;

    public override string Name => MethodNames.SmoothGradient;

    public override MethodOptions Resolve(MethodOptions requested)
    {
        int samples = Bounded(requested.Samples, 10, MaxSamples, "Samples");
        double noise = requested.NoiseScale ?? 0.01;
        if (!(noise >= 0 && noise <= 10)) throw new InputException("Noise scale must be between 0 and 10.");
        return new MethodOptions
        {
            Objective = Objectives.Name(Objectives.Parse(requested.Objective)),
            Target = requested.Target,
            Instance = requested.Instance,
            SingleInstance = requested.SingleInstance,
            Samples = samples,
            NoiseScale = noise,
            Seed = requested.Seed ?? 0,
            TimesInput = requested.TimesInput ?? false,
            Chunk = ResolveChunk(requested.Chunk, samples),
        };
    }

    protected override IEnumerable<TokenAttribution> Attribute(Predictor predictor, LabeledInstance instance, MethodOptions options, Objective objective)
    {
        int samples = options.Samples!.Value, chunk = options.Chunk!.Value;
        GradientAverage? average = null;
        int passes = 0;
        for (int start = 0; start < samples; start += chunk)
        {
            int count = Math.Min(chunk, samples - start);
            var pass = NoisyPass(predictor, instance, objective, options, start, count);
            passes++;
            average ??= new GradientAverage(pass.Fields[0]);
            for (int k = 0; k < count; k++) average.Add(pass.Fields[k], 1);
            var raw = average.PerToken(pass.Fields[0], options.TimesInput!.Value);
            yield return new TokenAttribution(raw, start + count, samples, passes, average.Mean);
        }
    }

    static Gradients.GradientBatch NoisyPass(Predictor predictor, LabeledInstance instance, Objective objective, MethodOptions options, int first, int count)
    {
        using var scope = NewDisposeScope();
        double scale = options.NoiseScale!.Value;
        int seed = options.Seed!.Value;
        return predictor.GetGradients(Enumerable.Repeat(instance, count).ToList(), objective, (field, embeddings) =>
        {
            var one = embeddings[0];
            var sigma = (one.max() - one.min()).Times(scale);
            var noise = stack(Enumerable.Range(first, count).Select(sample =>
            {
                using var generator = new Generator(SampleSeed(seed, sample, field));
                return randn(one.shape, dtype: embeddings.dtype, generator: generator);
            }).ToArray());
            return embeddings.Plus(noise * sigma);
        });
    }

    static ulong SampleSeed(int seed, int sample, int field) => unchecked((ulong)seed * 1_000_003UL + (ulong)sample * 131UL + (ulong)field);
}
