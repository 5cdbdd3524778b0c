namespace Interpret.Results;

/// <summary>The saliency of one labeled instance. IG also reports its completeness check:
/// Σ raw attributions versus f(input) − f(baseline) of its objective.</summary>
public sealed record InterpretedInstance(
    InstanceLabel Label,
    IReadOnlyList<LabelProbability> Probabilities,
    IReadOnlyList<FieldScores> Fields,
    Completeness? Completeness = null);

/// <summary>IG's completeness check. Error is |Σ − Δf|; RelativeError is |Σ − Δf| / |Δf|, the figure shown to people
/// (null when Δf is 0, where no relative error exists).</summary>
public sealed record Completeness(double AttributionSum, double ObjectiveDelta, double Error)
{
    public double? RelativeError => ObjectiveDelta != 0 && double.IsFinite(ObjectiveDelta) ? Error / Math.Abs(ObjectiveDelta) : null;
}
