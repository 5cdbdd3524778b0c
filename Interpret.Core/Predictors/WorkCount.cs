namespace Interpret.Core.Predictors;

/// <summary>Model work in token rows: a row of n tokens through a forward pass counts n forward tokens, through a
/// forward + backward pass n gradient tokens. A backward pass costs about two forwards, so a gradient token weighs 3.</summary>
public readonly record struct WorkCount(long ForwardTokens, long GradientTokens)
{
    public const int GradientWeight = 3;

    /// <summary>Forward-token equivalents.</summary>
    public long Tokens => ForwardTokens + GradientWeight * GradientTokens;

    public static WorkCount operator +(WorkCount a, WorkCount b) => new(a.ForwardTokens + b.ForwardTokens, a.GradientTokens + b.GradientTokens);
    public static WorkCount operator -(WorkCount a, WorkCount b) => new(a.ForwardTokens - b.ForwardTokens, a.GradientTokens - b.GradientTokens);
}
