namespace Interpret.Results;

/// <summary>An adversarial attack (HotFlip, input reduction) on one labeled instance, step by step.
/// Streamed partial results are the same record with Complete = false.</summary>
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
    bool Complete);
