using System.Globalization;

namespace Interpret.Components;

/// <summary>Number formats shared by the components. Always invariant culture, so markup (and tests that read it)
/// does not depend on the server's locale.</summary>
internal static class Format
{
    /// <summary>Exact, round-trippable value for data-* attributes that tests and browser scripts read back.</summary>
    public static string Data(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Short score for labels: 0.41, -0.12.</summary>
    public static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Longer score for hover titles.</summary>
    public static string Detail(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Probability(double p) => p.ToString("0.0%", CultureInfo.InvariantCulture);

    /// <summary>A probability as a CSS percentage, e.g. for a bar's width.</summary>
    public static string CssPercent(double p) => (Math.Clamp(p, 0, 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>"1 gradient pass", "3 gradient passes".</summary>
    public static string Count(long n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    public static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
