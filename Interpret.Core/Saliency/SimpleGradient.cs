using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Saliency;

/// <summary>Vanilla gradient (Simonyan et al. 2014) as AllenNLP Interpret computes it: per token, the objective's
/// gradient w.r.t. the token embedding dotted with the embedding (gradient × input, summed over dimensions).
/// One forward+backward pass. Registered as "simple-gradient".</summary>
public sealed class SimpleGradient : SaliencyInterpreter
{
    public override string Name => MethodNames.SimpleGradient;

    public override MethodOptions Resolve(MethodOptions requested) => new()
    {
        Objective = Objectives.Name(Objectives.Parse(requested.Objective)),
        Target = requested.Target,
        Instance = requested.Instance,
        SingleInstance = requested.SingleInstance,
    };

    protected override IEnumerable<TokenAttribution> Attribute(Predictor predictor, LabeledInstance instance, MethodOptions options, Objective objective)
    {
        var pass = predictor.GetGradients([instance], objective);
        var average = new GradientAverage(pass.Fields[0]);
        average.Add(pass.Fields[0], 1);
        yield return new TokenAttribution(average.PerToken(pass.Fields[0], timesInput: true), 1, 1, 1, average.Mean);
    }
}
