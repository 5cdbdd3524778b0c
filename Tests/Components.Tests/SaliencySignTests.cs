using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>"For or against?": gradient × input results start on the signed scale with a legend naming the target, a
/// toggle switches to magnitudes, and the method comparison follows the heatmap's choices.</summary>
public class SaliencySignTests
{
    static Rgb ToRgb((int R, int G, int B) c) => new((byte)c.R, (byte)c.G, (byte)c.B);

    static Rgb HueOf(IRenderedComponent<SaliencyHeatmap> cut, string word) =>
        ToRgb(TestHost.Hue(cut.FindAll(".saliency-token").Single(t => t.TextContent == word)));

    [Theory]
    [InlineData("simple-gradient", null, true)]
    [InlineData("integrated-gradient", null, true)]
    [InlineData("smooth-gradient", null, false)]
    [InlineData("smooth-gradient", true, true)]
    public async Task Gradient_times_input_results_start_signed(string method, bool? timesInput, bool signed)
    {
        await using var ctx = TestHost.Create();
        var result = Records.Interpretation(method, Records.Sentiment()) with { Options = new MethodOptions { TimesInput = timesInput } };
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Interpretation, result));

        Assert.Equal(signed ? "true" : "false", cut.Find("[data-scale=signed]").GetAttribute("aria-pressed"));
        Assert.Equal(signed ? ColorScale.Positive : ColorScale.Magnitude, HueOf(cut, "great"));
        Assert.Equal(signed ? ColorScale.Negative : ColorScale.Magnitude, HueOf(cut, "movie"));
        var legend = cut.Find(".color-legend");
        if (signed)
        {
            Assert.Contains("against “positive”", legend.TextContent);
            Assert.Contains("for “positive”", legend.TextContent);
            Assert.Contains("blue opposes “positive”", legend.GetAttribute("aria-label"));
        }
        else Assert.Contains("normalised |score|", legend.TextContent);
    }

    [Fact]
    public async Task The_toggle_switches_to_magnitudes_and_reports_the_choice()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<bool>();
        var cut = ctx.Render<SaliencyHeatmap>(p => p
            .Add(x => x.Interpretation, Records.Interpretation("integrated-gradient", Records.Sentiment()))
            .Add(x => x.SignedChanged, (bool signed) => reported.Add(signed)));

        cut.Find("[data-scale=magnitude]").Click();

        Assert.Equal([false], reported);
        Assert.Equal("true", cut.Find("[data-scale=magnitude]").GetAttribute("aria-pressed"));
        Assert.All(cut.FindAll(".saliency-token"), t => Assert.Equal(ColorScale.Magnitude, ToRgb(TestHost.Hue(t))));
        // Back to signed: "movie" opposes the target again.
        cut.Find("[data-scale=signed]").Click();
        Assert.Equal([false, true], reported);
        Assert.Equal(ColorScale.Negative, HueOf(cut, "movie"));
    }

    [Fact]
    public async Task A_choice_from_the_page_overrides_the_results_default()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p
            .Add(x => x.Interpretation, Records.Interpretation("integrated-gradient", Records.Sentiment()))
            .Add(x => x.Signed, false));
        Assert.Equal(ColorScale.Magnitude, HueOf(cut, "movie"));
    }

    [Fact]
    public async Task The_comparison_follows_the_signed_choice_and_the_word_view()
    {
        await using var ctx = TestHost.Create();
        var pieces = MaskedLmRecords.Pieces("Unbelievably good", "un", "##bel", "##ievably", "good");
        InterpretedInstance Instance(double[] raw)
        {
            var total = raw.Sum(Math.Abs);
            return new InterpretedInstance(InstanceLabel.Class("positive"), [new LabelProbability("positive", 0.9)],
                [new FieldScores("text", "Unbelievably good", pieces, raw, raw.Select(r => Math.Abs(r) / total).ToArray())]);
        }
        IReadOnlyList<Interpretation> results =
        [
            Records.Interpretation("simple-gradient", Instance([0, 0.1, 0.2, -0.6, 0.4, 0])),
            Records.Interpretation("integrated-gradient", Instance([0, -0.1, -0.1, -0.1, 0.7, 0])),
        ];
        var cut = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, results)
            .Add(x => x.Signed, true).Add(x => x.Granularity, SaliencyGranularity.WordsSum));

        var rows = cut.FindAll(".comparison-row");
        Assert.All(rows, r => Assert.Equal(["[CLS]", "Unbelievably", "good", "[SEP]"], r.QuerySelectorAll(".saliency-token").Select(t => t.TextContent)));
        // Simple gradient: the word's pieces sum to 0.1 + 0.2 − 0.6 = −0.3, and |−0.3| + |0.4| = 0.7 over the words.
        var word = rows[0].QuerySelectorAll(".saliency-token")[1];
        Assert.Equal(-0.3 / 0.7, double.Parse(word.GetAttribute("data-score")!, System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(ColorScale.Negative, ToRgb(TestHost.Hue(word)));
        Assert.Equal(ColorScale.Positive, ToRgb(TestHost.Hue(rows[1].QuerySelectorAll(".saliency-token")[2])));
        Assert.Contains("for “positive”", cut.Find(".color-legend").TextContent);
    }

    [Theory]
    [InlineData(1.9, 2.0, "Completeness error 5.0%")]
    [InlineData(-0.55, -0.5, "Completeness error 10.0%")]
    [InlineData(0.01, 0.0, "should add up to 0; they add up to 0.01")]
    public async Task The_completeness_line_shows_the_relative_error_and_what_shrinks_it(double sum, double delta, string expected)
    {
        await using var ctx = TestHost.Create();
        var instance = Records.Sentiment() with { Completeness = new Completeness(sum, delta, Math.Abs(sum - delta)) };
        var text = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, instance)).Find(".saliency-completeness").TextContent;
        Assert.Contains(expected, text);
        if (delta != 0) Assert.Contains("More steps or the Gauss-Legendre rule shrink it", text);
    }

    [Fact]
    public void The_relative_error_travels_in_the_json_and_reads_back()
    {
        var completeness = new Completeness(1.9, 2.0, 0.1);
        var json = ResultJson.Serialize(completeness);
        Assert.Contains("\"relativeError\":0.05", json);
        Assert.Equal(completeness, ResultJson.Deserialize<Completeness>(json));
    }
}
