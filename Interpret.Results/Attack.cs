namespace Interpret.Results;

/// <summary>An adversarial attack (HotFlip, input reduction) on one labeled instance, step by step.
/// Streamed partial results are the same record with Complete = false. Succeeded means the target was reached
/// (targeted, Options.Target set) or the prediction changed (untargeted). LabelProbabilityBefore is the probability
/// the model gave <see cref="Label"/> before any change (HotFlip; each step has the one after it).</summary>
public sealed record Attack(
    string Model,
    string ModelHash,
    string Method,
    MethodOptions Options,
    InstanceLabel Label,
    IReadOnlyList<Field> OriginalFields,
    Prediction Original,
    IReadOnlyList<AttackStep> Steps,
    IReadOnlyList<Field> FinalFields,
    Prediction Final,
    bool Succeeded,
    int GradientPasses,
    double ElapsedMs,
    bool Complete,
    double? LabelProbabilityBefore = null);
