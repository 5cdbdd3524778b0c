namespace Interpret.Core.Methods;

/// <summary>The registered method names (the seed's, so its users recognise them).</summary>
public static class MethodNames
{
    public const string SimpleGradient = "simple-gradient";
    public const string IntegratedGradient = "integrated-gradient";
    public const string SmoothGradient = "smooth-gradient";
    public const string HotFlip = "hotflip";
    public const string InputReduction = "input-reduction";

    public static readonly IReadOnlyList<string> Saliency = [SimpleGradient, IntegratedGradient, SmoothGradient];
    public static readonly IReadOnlyList<string> Attacks = [HotFlip, InputReduction];
    public static readonly IReadOnlyList<string> All = [.. Saliency, .. Attacks];
}
