namespace Interpret.Components;

/// <summary>Maps saliency scores to CSS colours.
/// Colours are one hue with an alpha equal to the intensity, so a score of 0 shows the page background: on a light
/// MudBlazor theme the diverging scale reads blue ↔ white ↔ red, and on a dark theme it fades into the dark surface
/// instead of glaring white.</summary>
public static class ColorScale
{
    /// <summary>Negative raw scores (oppose the target).</summary>
    public static readonly Rgb Negative = new(33, 102, 172);
    /// <summary>Positive raw scores (support the target).</summary>
    public static readonly Rgb Positive = new(178, 24, 43);
    /// <summary>Normalised (absolute) scores: a hue of its own, so unsigned views are not mistaken for signed ones.</summary>
    public static readonly Rgb Magnitude = new(84, 39, 143);

    /// <summary>Text on a strong colour is white; on a faint one it keeps the theme's text colour (light or dark).</summary>
    public const string StrongText = "#ffffff";
    public const string ThemeText = "var(--mud-palette-text-primary)";

    /// <summary>Diverging scale for signed scores in [−maxAbs, +maxAbs]: blue below zero, red above.</summary>
    public static TokenColor Diverging(double score, double maxAbs)
    {
        var t = Fraction(score, maxAbs);
        return Paint(t < 0 ? Negative : Positive, Math.Abs(t));
    }

    /// <summary>Sequential scale for non-negative scores in [0, max] (e.g. normalised |score|).</summary>
    public static TokenColor Sequential(double score, double max) => Paint(Magnitude, Math.Abs(Fraction(score, max)));

    /// <summary>The colour for a score in the chosen mode; <paramref name="max"/> is the largest |score| shown.</summary>
    public static TokenColor For(double score, double max, bool signed) => signed ? Diverging(score, max) : Sequential(score, max);

    /// <summary>CSS gradient for a colour legend, low end left.</summary>
    public static string LegendGradient(bool signed) => signed
        ? $"linear-gradient(to right, {Negative.Css(1)}, {Negative.Css(0)} 50%, {Positive.Css(0)} 50%, {Positive.Css(1)})"
        : $"linear-gradient(to right, {Magnitude.Css(0)}, {Magnitude.Css(1)})";

    /// <summary>The magnitude hue lightened for charts on a dark surface, where the deep purple would fade into the
    /// background: full weight then reads as the brightest cell.</summary>
    public static readonly Rgb MagnitudeOnDark = new(196, 176, 255);

    /// <summary>The sequential scale as Plotly colour stops ([position, colour] pairs).</summary>
    public static object[] PlotlySequential(bool dark = false)
    {
        var hue = dark ? MagnitudeOnDark : Magnitude;
        return [new object[] { 0, hue.Css(0) }, new object[] { 1, hue.Css(1) }];
    }

    /// <summary>The diverging scale as Plotly colour stops over [−max, +max]: blue, no colour at 0, red.</summary>
    public static object[] PlotlyDiverging() =>
        [new object[] { 0, Negative.Css(1) }, new object[] { 0.5, Negative.Css(0) }, new object[] { 0.5, Positive.Css(0) }, new object[] { 1, Positive.Css(1) }];

    static double Fraction(double score, double max)
    {
        if (!double.IsFinite(score) || !(max > 0)) return 0;
        return Math.Clamp(score / max, -1, 1);
    }

    static TokenColor Paint(Rgb hue, double intensity) =>
        new(hue.Css(intensity), NeedsStrongText(hue, intensity) ? StrongText : ThemeText, intensity);

    /// <summary>White text once the colour laid over a white page is dark enough that white contrasts better than
    /// black (WCAG relative luminance below ≈0.18). On a dark page the same colour is darker still, so white holds.</summary>
    internal static bool NeedsStrongText(Rgb hue, double alpha) => hue.OverWhite(alpha).Luminance < 0.179;
}
