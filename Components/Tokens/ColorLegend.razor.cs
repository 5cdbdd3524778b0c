using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>The colour key of a saliency view: a gradient bar with the score at each end.</summary>
public partial class ColorLegend
{
    /// <summary>Diverging legend for signed raw scores; otherwise sequential for normalised ones.</summary>
    [Parameter] public bool Signed { get; set; }

    /// <summary>The largest |score| shown, i.e. the score at full colour.</summary>
    [Parameter] public double Max { get; set; }

    string LowLabel => Signed ? $"−{Format.Score(Max)} opposes" : "0";
    string HighLabel => Signed ? $"+{Format.Score(Max)} supports" : $"{Format.Score(Max)} normalised";

    string AriaLabel => Signed
        ? $"Colour scale: blue opposes the target (down to −{Format.Score(Max)}), no colour is 0, red supports it (up to +{Format.Score(Max)})"
        : $"Colour scale: no colour is 0, full colour is a normalised score of {Format.Score(Max)}";
}
