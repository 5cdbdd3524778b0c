namespace Interpret.Components;

/// <summary>Which score a saliency view colours its tokens by.</summary>
public enum SaliencyScale
{
    /// <summary>Normalised |score| on one hue (AllenNLP's demo look): how much a token matters, not which way.</summary>
    Magnitude,
    /// <summary>Raw signed scores on a diverging scale: one hue supports the target, the other opposes it, none at 0.</summary>
    Signed,
    /// <summary>sign(raw) × normalised score: signed like <see cref="Signed"/>, but each method's shares sum to 1 in
    /// absolute value, so several methods can share one diverging scale.</summary>
    SignedShare,
}
