namespace Interpret.Results;

/// <summary>The saliency of one labeled instance. IG also reports its completeness check:
/// Σ raw attributions versus f(input) − f(baseline) of its objective.</summary>
public sealed record InterpretedInstance(
    InstanceLabel Label,
    IReadOnlyList<LabelProbability> Probabilities,
    IReadOnlyList<FieldScores> Fields,
    Completeness? Completeness = null);

public sealed record Completeness(double AttributionSum, double ObjectiveDelta, double Error);
