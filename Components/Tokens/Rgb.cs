using System.Globalization;

namespace Interpret.Components;

/// <summary>An sRGB colour with 8-bit channels.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>CSS rgba() with the given alpha, formatted culture-independently.</summary>
    public string Css(double alpha) =>
        string.Create(CultureInfo.InvariantCulture, $"rgba({R}, {G}, {B}, {Math.Round(alpha, 3):0.###})");

    /// <summary>This colour at <paramref name="alpha"/> composited over white.</summary>
    public Rgb OverWhite(double alpha)
    {
        byte Mix(byte c) => (byte)Math.Round(255 - alpha * (255 - c));
        return new Rgb(Mix(R), Mix(G), Mix(B));
    }

    /// <summary>WCAG 2 relative luminance (0 = black, 1 = white).</summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    static double Linear(byte c)
    {
        var s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
