using System.Globalization;
using Interpret.Results;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Interpret.Components.Tests;

public class SaliencyComparisonTests
{
    static readonly string[] Words = ["the", "movie", "was", "great", "fun"];

    static IReadOnlyList<Interpretation> ThreeMethods() =>
    [
        Records.Interpretation("simple-gradient", Records.Instance("positive", ("text", Words, [0.1, -0.5, 0.05, 0.9, -0.3]))),
        Records.Interpretation("integrated-gradient", Records.Instance("positive", ("text", Words, [0.0, 0.1, 0.0, 0.8, 0.1]))),
        Records.Interpretation("smooth-gradient", Records.Instance("positive", ("text", Words, [0.2, 0.2, 0.2, 0.2, 0.2]))),
    ];

    [Fact]
    public async Task One_row_of_tokens_per_method_on_one_shared_scale()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, ThreeMethods()));

        var rows = cut.FindAll(".comparison-row");
        Assert.Equal(["simple-gradient", "integrated-gradient", "smooth-gradient"], rows.Select(r => r.GetAttribute("data-method")));
        Assert.All(rows, r => Assert.Equal(Words, r.QuerySelectorAll(".saliency-token").Select(t => t.TextContent)));

        // IG puts 0.8 of its mass on 'great': the largest normalised score of all, so full colour there only.
        var great = rows.Select(r => TestHost.Alpha(r.QuerySelectorAll(".saliency-token")[3])).ToList();
        Assert.Equal(1, great[1]);
        Assert.True(great[0] < great[1] && great[2] < great[0]);
        Assert.Equal("0.8", rows[1].QuerySelectorAll(".saliency-token")[3].GetAttribute("data-score"));
    }

    [Fact]
    public async Task The_plotly_heatmap_is_methods_by_tokens_of_normalised_scores()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, ThreeMethods()));

        var heatmap = Assert.IsType<HeatMap>(Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(["simple-gradient", "integrated-gradient", "smooth-gradient"], heatmap.Y.Cast<string>());
        Assert.Equal(["0 the", "1 movie", "2 was", "3 great", "4 fun"], heatmap.X.Cast<string>());
        var z = heatmap.Z.Cast<double?[]>().ToList();
        Assert.Equal(3, z.Count);
        Assert.Equal(0.9 / 1.85, z[0][3]!.Value, 12);
        Assert.Equal(0.8, z[1][3]!.Value, 12);
        Assert.All(z[2], v => Assert.Equal(0.2, v!.Value, 12));
    }

    [Fact]
    public async Task A_new_set_of_results_redraws_the_chart()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, ThreeMethods().Take(1).ToList()));
        cut.Render(p => p.Add(x => x.Interpretations, ThreeMethods()));

        var heatmap = Assert.IsType<HeatMap>(Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(3, heatmap.Y.Count);
        Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "react");
    }

    [Fact]
    public async Task Without_the_chart_only_the_rows_render()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, ThreeMethods()).Add(x => x.ShowChart, false));
        Assert.False(cut.HasComponent<PlotlyChart>());
        Assert.Equal(3, cut.FindAll(".comparison-row").Count);
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var results = ThreeMethods();
        var direct = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, results));
        var viaJson = ctx.Render<SaliencyComparison>(p => p.Add(x => x.Interpretations, results.Select(TestHost.RoundTrip).ToList()));

        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
        Assert.Equal(15, viaJson.FindAll(".saliency-token").Count);
    }
}
