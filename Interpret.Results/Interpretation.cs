namespace Interpret.Results;

/// <summary>A saliency result. Streamed partial results are the same record with Complete = false.</summary>
public sealed record Interpretation(
    string Model,
    string ModelHash,
    string Method,
    MethodOptions Options,
    IReadOnlyList<InterpretedInstance> Instances,
    int GradientPasses,
    double ElapsedMs,
    bool Complete,
    Progress Progress);
