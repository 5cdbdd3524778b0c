using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>The colour key of a saliency view: a gradient bar with the score at each end.</summary>
public partial class ColorLegend
{
    /// <summary>Diverging legend for signed raw scores; otherwise sequential for normalised ones.</summary>
    [Parameter] public bool Signed { get; set; }

    /// <summary>The largest |score| shown, i.e. the score at full colour.</summary>
    [Parameter] public double Max { get; set; }

    /// <summary>What the scores are for or against (a label, a tag, a word); named in the signed legend's ends.</summary>
    [Parameter] public string? Target { get; set; }

    string TargetName => string.IsNullOrEmpty(Target) ? "the target" : $"“{Target}”";

    string LowLabel => Signed ? $"−{Format.Score(Max)} against {TargetName}" : "0";
    string HighLabel => Signed ? $"+{Format.Score(Max)} for {TargetName}" : $"{Format.Score(Max)} normalised |score|";

    string AriaLabel => Signed
        ? $"Colour scale: blue opposes {TargetName} (down to −{Format.Score(Max)}), no colour is 0, red supports it (up to +{Format.Score(Max)})"
        : $"Colour scale: no colour is 0, full colour is a normalised |score| of {Format.Score(Max)}, whichever way the token pushes";
}
