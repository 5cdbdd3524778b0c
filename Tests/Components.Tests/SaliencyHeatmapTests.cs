using Interpret.Results;

namespace Interpret.Components.Tests;

public class SaliencyHeatmapTests
{
    static string[] Highlighted(IRenderedComponent<SaliencyHeatmap> cut) =>
        cut.FindAll(".saliency-token.top-k").Select(t => t.TextContent).OrderBy(t => t).ToArray();

    [Fact]
    public async Task TopK_parameter_highlights_exactly_the_k_largest_magnitudes()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()).Add(x => x.TopK, 1));

        Assert.Equal(["great"], Highlighted(cut));

        cut.Render(p => p.Add(x => x.TopK, 3));
        Assert.Equal(["fun", "great", "movie"], Highlighted(cut));

        cut.Render(p => p.Add(x => x.TopK, 0));
        Assert.Empty(Highlighted(cut));
    }

    [Fact]
    public async Task Moving_the_slider_changes_the_highlight_and_reports_the_new_k()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int>();
        var cut = ctx.Render<SaliencyHeatmap>(p => p
            .Add(x => x.Instance, Records.Sentiment())
            .Add(x => x.TopK, 1)
            .Add(x => x.TopKChanged, k => reported.Add(k)));
        Assert.Equal(["great"], Highlighted(cut));

        var slider = cut.Find("input.mud-slider-input");
        Assert.Equal("5", slider.GetAttribute("max")); // one notch per token
        slider.Input("3");

        Assert.Equal(["fun", "great", "movie"], Highlighted(cut));
        Assert.Equal([3], reported);
        Assert.Contains("Highlight top 3 tokens", cut.Markup);
    }

    [Fact]
    public async Task Default_topK_is_three()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()));
        Assert.Equal(3, cut.FindAll(".saliency-token.top-k").Count);
    }

    [Fact]
    public async Task Higher_magnitude_gets_a_more_intense_colour()
    {
        await using var ctx = TestHost.Create();
        foreach (var signed in new[] { false, true })
        {
            var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()).Add(x => x.Signed, signed));
            var byMagnitude = cut.FindAll(".saliency-token")
                .OrderBy(t => Math.Abs(double.Parse(t.GetAttribute("data-score")!, System.Globalization.CultureInfo.InvariantCulture)))
                .Select(TestHost.Alpha)
                .ToList();
            for (var i = 1; i < byMagnitude.Count; i++)
                Assert.True(byMagnitude[i] > byMagnitude[i - 1], $"signed={signed}: alphas {string.Join(", ", byMagnitude)}");
            Assert.Equal(1, byMagnitude[^1]);
        }
    }

    [Fact]
    public async Task Signed_mode_uses_a_diverging_scale_and_normalised_mode_a_sequential_one()
    {
        await using var ctx = TestHost.Create();
        var signed = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()).Add(x => x.Signed, true));
        var tokens = signed.FindAll(".saliency-token");
        Assert.Equal(ColorScale.Positive, ToRgb(TestHost.Hue(tokens.Single(t => t.TextContent == "great"))));
        Assert.Equal(ColorScale.Negative, ToRgb(TestHost.Hue(tokens.Single(t => t.TextContent == "movie"))));
        Assert.Equal("-0.5", tokens.Single(t => t.TextContent == "movie").GetAttribute("data-score"));
        Assert.Contains("against “positive”", signed.Find(".color-legend").TextContent);

        var unsigned = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()));
        Assert.All(unsigned.FindAll(".saliency-token"), t => Assert.Equal(ColorScale.Magnitude, ToRgb(TestHost.Hue(t))));
        var movie = unsigned.FindAll(".saliency-token").Single(t => t.TextContent == "movie");
        Assert.Equal((0.5 / 1.85).ToString("R", System.Globalization.CultureInfo.InvariantCulture), movie.GetAttribute("data-score"));
        Assert.Contains("normalised", unsigned.Find(".color-legend").TextContent);
    }

    static Rgb ToRgb((int R, int G, int B) c) => new((byte)c.R, (byte)c.G, (byte)c.B);

    [Fact]
    public async Task Tokens_are_focusable_and_carry_score_rank_and_label()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()).Add(x => x.Signed, true));

        var tokens = cut.FindAll(".saliency-token");
        Assert.Equal(["the", "movie", "was", "great", "fun"], tokens.Select(t => t.TextContent));
        Assert.All(tokens, t => Assert.Equal("0", t.GetAttribute("tabindex")));
        Assert.Equal(["4", "2", "5", "1", "3"], tokens.Select(t => t.GetAttribute("data-rank")));
        var great = tokens[3];
        Assert.Equal("word 'great', score 0.90, rank 1", great.GetAttribute("aria-label"));
        Assert.Equal("0.9", great.GetAttribute("data-score"));
        Assert.Contains("raw 0.9", great.GetAttribute("title"));
        Assert.Contains("normalised 0.4865", great.GetAttribute("title"));
    }

    [Fact]
    public async Task Each_field_gets_a_labelled_row_on_one_shared_scale_and_topK_spans_fields()
    {
        await using var ctx = TestHost.Create();
        var nli = Records.Instance("entailment",
            ("premise", ["a", "dog", "runs"], [0.05, 0.8, 0.1]),
            ("hypothesis", ["an", "animal", "moves"], [0.02, 0.4, -0.2]));
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, nli).Add(x => x.TopK, 3));

        var rows = cut.FindAll(".saliency-field");
        Assert.Equal(["premise", "hypothesis"], rows.Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["premise", "hypothesis"], cut.FindAll(".saliency-field-name").Select(n => n.TextContent));
        Assert.Equal(["animal", "dog", "moves"], Highlighted(cut));
        // One scale: only the overall largest token reaches full colour, and 'animal' (half of 'dog') gets half.
        var alphas = cut.FindAll(".saliency-token").ToDictionary(t => t.TextContent, TestHost.Alpha);
        Assert.Equal(1, alphas["dog"]);
        Assert.Equal(0.5, alphas["animal"], 3);
        Assert.Equal(["1", "2", "3"], new[] { "dog", "animal", "moves" }
            .Select(w => cut.FindAll(".saliency-token").Single(t => t.TextContent == w).GetAttribute("data-rank")));
    }

    [Fact]
    public async Task An_interpretation_shows_every_instance_with_its_label()
    {
        await using var ctx = TestHost.Create();
        var result = Records.Interpretation("integrated-gradient", Records.Sentiment(),
            Records.Instance("negative", ("text", ["the", "movie", "was", "great", "fun"], [0.3, 0.2, 0.1, -0.6, 0.0])));
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Interpretation, result).Add(x => x.TopK, 1));

        var sections = cut.FindAll(".saliency-instance");
        Assert.Equal(2, sections.Count);
        Assert.Contains("positive (90.0%)", sections[0].QuerySelector(".saliency-label")!.TextContent);
        Assert.Contains("negative", sections[1].QuerySelector(".saliency-label")!.TextContent);
        // Top-k is per instance: each instance highlights its own strongest token.
        Assert.Equal("great", sections[0].QuerySelector(".top-k")!.TextContent);
        Assert.Equal("great", sections[1].QuerySelector(".top-k")!.TextContent);
        Assert.Equal(2, cut.FindAll(".top-k").Count);
        Assert.Contains("integrated-gradient", cut.Find(".saliency-meta").TextContent);
    }

    [Fact]
    public async Task Nothing_to_show_renders_a_placeholder()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>();
        Assert.Empty(cut.FindAll(".saliency-token"));
        Assert.Contains("No saliency", cut.Markup);
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var result = Records.Interpretation("simple-gradient", Records.Sentiment());
        var direct = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Interpretation, result).Add(x => x.Signed, true));
        var viaJson = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Interpretation, TestHost.RoundTrip(result)).Add(x => x.Signed, true));

        Assert.NotSame(result, TestHost.RoundTrip(result));
        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
        Assert.Equal(5, viaJson.FindAll(".saliency-token").Count);
    }
}
