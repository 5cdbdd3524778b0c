namespace Interpret.Results;

/// <summary>Options of every method in one shape. A request leaves unset what it does not care about; a result
/// carries every option the method actually used, defaults filled in.</summary>
public sealed record MethodOptions
{
    /// <summary>"loss" (default, as the seed), "log-prob" or "logit" of the target.</summary>
    public string? Objective { get; init; }
    /// <summary>Target label / tag / word; default the model's own prediction. For HotFlip it makes the attack targeted.</summary>
    public string? Target { get; init; }
    /// <summary>Which labeled instance to explain when a prediction yields several (0-based); default all.</summary>
    public int? Instance { get; init; }
    /// <summary>Masked LM: one labeled instance over all masks, as the seed does (default false: one per mask).</summary>
    public bool? SingleInstance { get; init; }

    /// <summary>Integrated gradients: number of steps (default 10).</summary>
    public int? Steps { get; init; }
    /// <summary>Integrated gradients: "riemann-left" (default), "riemann-right", "riemann-middle", "trapezoid", "gauss-legendre".</summary>
    public string? Rule { get; init; }
    /// <summary>SmoothGrad: number of noisy samples (default 10).</summary>
    public int? Samples { get; init; }
    /// <summary>SmoothGrad: noise σ as a fraction of (max − min) of the embeddings (default 0.01).</summary>
    public double? NoiseScale { get; init; }
    /// <summary>SmoothGrad: random seed (default 0, so results reproduce).</summary>
    public int? Seed { get; init; }
    /// <summary>SmoothGrad: multiply the averaged gradient by the input embedding (default false, as the seed).</summary>
    public bool? TimesInput { get; init; }
    /// <summary>Steps or samples per forward/backward pass; default all in one chunk.</summary>
    public int? Chunk { get; init; }

    /// <summary>Attacks: the field to attack (default the task's last field, e.g. the hypothesis).</summary>
    public string? Field { get; init; }
    /// <summary>HotFlip: maximum number of flips (default: every position once).</summary>
    public int? MaxFlips { get; init; }
    /// <summary>HotFlip: search (position, word) jointly instead of the seed's largest-gradient position first.</summary>
    public bool? Joint { get; init; }
    /// <summary>Input reduction: beam width (default 3).</summary>
    public int? BeamSize { get; init; }
}
