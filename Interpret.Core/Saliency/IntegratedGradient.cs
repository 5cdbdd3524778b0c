using Interpret.Core.Gradients;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Core.Saliency.Integration;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Saliency;

/// <summary>
/// Integrated gradients (Sundararajan et al. 2017) from the all-zero embedding baseline: the gradient averaged
/// along the straight path from the baseline to the input, times the input. Defaults are AllenNLP Interpret's
/// (10 steps, left Riemann sum); any rule of <see cref="QuadratureRule"/> may be chosen. Steps run in chunks of
/// one batched gradient pass each; the completeness check Σ attributions ≈ f(input) − f(baseline) takes one
/// two-row forward pass without gradients at the end. Registered as "integrated-gradient".
/// </summary>
public sealed class IntegratedGradient : SaliencyInterpreter
{
    public const int MaxSteps = 100_000;

    public override string Name => MethodNames.IntegratedGradient;

    public override MethodOptions Resolve(MethodOptions requested)
    {
        int steps = Bounded(requested.Steps, 10, MaxSteps, "Steps");
        var rule = requested.Rule ?? QuadratureRule.RiemannLeft;
        QuadratureRule.Validate(rule, steps);
        return new MethodOptions
        {
            Objective = Objectives.Name(Objectives.Parse(requested.Objective)),
            Target = requested.Target,
            Instance = requested.Instance,
            SingleInstance = requested.SingleInstance,
            Steps = steps,
            Rule = rule,
            Chunk = ResolveChunk(requested.Chunk, steps),
        };
    }

    protected override IEnumerable<TokenAttribution> Attribute(Predictor predictor, LabeledInstance instance, MethodOptions options, Objective objective)
    {
        int steps = options.Steps!.Value, chunk = options.Chunk!.Value;
        var (alphas, weights) = QuadratureRule.Points(options.Rule!, steps);
        GradientAverage? average = null;
        FieldGradient[]? input = null;
        int passes = 0;
        for (int start = 0; start < steps; start += chunk)
        {
            int count = Math.Min(chunk, steps - start);
            var pass = ScaledPass(predictor, instance, objective, alphas.AsSpan(start, count).ToArray());
            passes++;
            // Every row records the untransformed embeddings, i.e. the input itself.
            input ??= pass.Fields[0];
            average ??= new GradientAverage(input);
            for (int k = 0; k < count; k++) average.Add(pass.Fields[k], weights[start + k]);

            // (input − baseline) = input for the zero baseline. Until all steps are in, this is the running estimate.
            var raw = average.PerToken(input, timesInput: true);
            bool last = start + count >= steps;
            Completeness? completeness = null;
            if (last)
            {
                // f(input) and f(baseline) need no gradients: one small forward pass, not a gradient pass.
                var ends = ScaledObjective(predictor, instance, objective, [1.0, 0.0]);
                double sum = raw.Sum(f => f.Sum()), delta = ends[0] - ends[1];
                completeness = new Completeness(sum, delta, Math.Abs(sum - delta));
            }
            yield return new TokenAttribution(raw, start + count, steps, passes, average.Mean, completeness);
        }
    }

    static double[] ScaledObjective(Predictor predictor, LabeledInstance instance, Objective objective, double[] rowAlphas)
    {
        using var scope = NewDisposeScope();
        var scale = tensor(rowAlphas).view(-1, 1, 1);
        return predictor.ObjectiveValues(Enumerable.Repeat(instance, rowAlphas.Length).ToList(), objective,
            (_, embeddings) => embeddings * scale.to_type(embeddings.dtype));
    }

    static GradientBatch ScaledPass(Predictor predictor, LabeledInstance instance, Objective objective, double[] rowAlphas)
    {
        using var scope = NewDisposeScope();
        var scale = tensor(rowAlphas).view(-1, 1, 1);
        return predictor.GetGradients(Enumerable.Repeat(instance, rowAlphas.Length).ToList(), objective,
            (_, embeddings) => embeddings * scale.to_type(embeddings.dtype));
    }
}
