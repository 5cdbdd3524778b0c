using System.Globalization;
using System.Security;
using System.Text;
using Interpret.Results;

namespace Interpret.Components;

/// <summary>A saliency result as a standalone SVG picture (for a report, a wiki page, a code review): each instance's
/// fields as rows of tokens in the heatmap's colours, wrapped at a fixed width, under the method and model and over a
/// one-line colour key. The background is white; token widths are estimated from character counts (there are no font
/// metrics on the server), generously, so tokens never overlap. Each token has a &lt;title&gt; with its scores.</summary>
public static class SaliencySvg
{
    const double Width = 960, Margin = 16, LineHeight = 28, TokenHeight = 22, CharWidth = 8.4, Padding = 5, Gap = 4;
    const string Text = "#212121", Muted = "#616161";

    public static string Render(Interpretation interpretation, bool signed, SaliencyGranularity granularity = SaliencyGranularity.Pieces)
    {
        var body = new StringBuilder();
        double y = Margin;
        Line(body, ref y, $"{interpretation.Method} · {interpretation.Model}", 15, Text, bold: true);
        foreach (var instance in interpretation.Instances)
        {
            var layout = SaliencyLayout.Build(granularity.Apply(instance), signed ? SaliencyScale.Signed : SaliencyScale.Magnitude);
            Line(body, ref y, SaliencyHeatmap.InstanceTitle(instance), 14, Text, bold: true);
            foreach (var row in layout.Rows)
            {
                Line(body, ref y, row.Field, 12, Muted, bold: false);
                Tokens(body, ref y, row, signed);
            }
            Line(body, ref y, Key(layout, signed), 12, Muted, bold: false);
            y += LineHeight / 2;
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="{N(Width)}" height="{N(y + Margin)}" viewBox="0 0 {N(Width)} {N(y + Margin)}" font-family="system-ui, sans-serif">"""
            + $"""<rect width="100%" height="100%" fill="#ffffff"/>{body}</svg>""";
    }

    static void Tokens(StringBuilder svg, ref double y, SaliencyRow row, bool signed)
    {
        double x = Margin;
        foreach (var cell in row.Cells)
        {
            double width = cell.Text.Length * CharWidth + 2 * Padding;
            if (x + width > Width - Margin && x > Margin) (x, y) = (Margin, y + LineHeight);
            var hue = signed ? (cell.Score < 0 ? ColorScale.Negative : ColorScale.Positive) : ColorScale.Magnitude;
            var ink = cell.Color.Foreground == ColorScale.StrongText ? "#ffffff" : Text;
            svg.Append($"""<g><title>{Escape(string.Create(CultureInfo.InvariantCulture, $"{cell.Text}: raw {cell.Raw:0.####}, normalised {cell.Normalized:0.####}, rank {cell.Rank}"))}</title>""")
               .Append($"""<rect x="{N(x)}" y="{N(y)}" width="{N(width)}" height="{N(TokenHeight)}" rx="3" fill="rgb({hue.R},{hue.G},{hue.B})" fill-opacity="{N(cell.Color.Intensity)}"/>""")
               .Append($"""<text x="{N(x + Padding)}" y="{N(y + TokenHeight - 7)}" font-size="14" fill="{ink}">{Escape(cell.Text)}</text></g>""");
            x += width + Gap;
        }
        y += LineHeight + 4;
    }

    static string Key(SaliencyLayout layout, bool signed) => signed
        ? $"Red supports “{layout.Instance.Label.Value}”, blue opposes it; full colour at |raw score| {layout.Max.ToString("0.###", CultureInfo.InvariantCulture)}."
        : $"Purple: normalised |score|, whichever way the token pushes; full colour at {layout.Max.ToString("0.###", CultureInfo.InvariantCulture)}.";

    static void Line(StringBuilder svg, ref double y, string text, int size, string colour, bool bold)
    {
        y += size + 6;
        svg.Append($"""<text x="{N(Margin)}" y="{N(y)}" font-size="{size}" fill="{colour}"{(bold ? " font-weight=\"600\"" : "")}>{Escape(text)}</text>""");
        y += 6;
    }

    static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
