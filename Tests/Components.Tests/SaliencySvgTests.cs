using System.Globalization;
using System.Xml.Linq;
using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>The heatmap as a standalone SVG: well-formed, one coloured box per token in the heatmap's colours, wrapped
/// inside its width, with the key saying what the colours mean.</summary>
public class SaliencySvgTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static IReadOnlyList<XElement> Boxes(XDocument svg) => svg.Descendants(Svg + "g").Select(g => g.Element(Svg + "rect")!).ToList();

    [Fact]
    public void Every_token_is_a_box_in_the_signed_colours_and_the_key_names_the_target()
    {
        var result = Records.Interpretation("integrated-gradient", Records.Sentiment());
        var svg = XDocument.Parse(SaliencySvg.Render(result, signed: true));

        var groups = svg.Descendants(Svg + "g").ToList();
        Assert.Equal(["the", "movie", "was", "great", "fun"], groups.Select(g => g.Element(Svg + "text")!.Value));
        var fills = Boxes(svg).Select(r => r.Attribute("fill")!.Value).ToList();
        Assert.Equal($"rgb({ColorScale.Positive.R},{ColorScale.Positive.G},{ColorScale.Positive.B})", fills[3]); // great supports
        Assert.Equal($"rgb({ColorScale.Negative.R},{ColorScale.Negative.G},{ColorScale.Negative.B})", fills[1]); // movie opposes
        Assert.Equal("1", Boxes(svg)[3].Attribute("fill-opacity")!.Value); // the largest |score| at full colour
        Assert.Contains("Red supports “positive”", svg.Root!.Value);
        Assert.Contains("great: raw 0.9", groups[3].Element(Svg + "title")!.Value);
    }

    [Fact]
    public void A_long_field_wraps_inside_the_picture()
    {
        var words = Enumerable.Range(0, 120).Select(i => $"word{i}").ToArray();
        var raw = words.Select((_, i) => (i % 7) / 10.0 - 0.3).ToArray();
        var result = Records.Interpretation("simple-gradient", Records.Instance("positive", ("text", words, raw)));
        var svg = XDocument.Parse(SaliencySvg.Render(result, signed: false));

        double width = double.Parse(svg.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var boxes = Boxes(svg);
        Assert.Equal(120, boxes.Count);
        Assert.All(boxes, b => Assert.True(Value(b, "x") + Value(b, "width") <= width));
        Assert.True(boxes.Select(b => Value(b, "y")).Distinct().Count() > 3, "the tokens should take several lines");
        Assert.All(boxes, b => Assert.Equal($"rgb({ColorScale.Magnitude.R},{ColorScale.Magnitude.G},{ColorScale.Magnitude.B})", b.Attribute("fill")!.Value));
    }

    static double Value(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Markup_in_a_token_is_text_not_markup()
    {
        var result = Records.Interpretation("simple-gradient", Records.Instance("positive", ("text", ["<b>", "&", "\"x\""], [0.1, 0.2, 0.3])));
        var svg = XDocument.Parse(SaliencySvg.Render(result, signed: true));
        Assert.Equal(["<b>", "&", "\"x\""], svg.Descendants(Svg + "g").Select(g => g.Element(Svg + "text")!.Value));
    }
}
