using System.Globalization;
using Interpret.Results;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Interpret.Components.Tests;

public class AttentionViewTests
{
    static HeatMap Heatmap(IRenderedComponent<AttentionView> cut) =>
        Assert.IsType<HeatMap>(Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data));

    static double[][] Shown(IRenderedComponent<AttentionView> cut) => Heatmap(cut).Z.Cast<double[]>().ToArray();

    static double[][] Expected(AttentionMaps maps, int layer, int head) =>
        maps.Weights[layer][head].Select(r => r.ToArray()).ToArray();

    static void Equal(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var q = 0; q < expected.Length; q++)
            for (var k = 0; k < expected[q].Length; k++)
                Assert.Equal(expected[q][k], actual[q][k], 12);
    }

    [Fact]
    public async Task Shows_the_first_layer_and_head_as_queries_by_keys_with_token_labels()
    {
        await using var ctx = TestHost.Create();
        var maps = MaskedLmRecords.Attention();
        var cut = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, maps));

        Equal(Expected(maps, 0, 0), Shown(cut));
        var heatmap = Heatmap(cut);
        Assert.Equal(0m, heatmap.ZMin);
        Assert.Equal(1m, heatmap.ZMax);
        var layout = cut.FindComponent<PlotlyChart>().Instance.Layout;
        Assert.Equal(["[CLS]", "she", "ran", "[SEP]"], layout.XAxis[0].TickText.Cast<string>());
        Assert.Equal(["[CLS]", "she", "ran", "[SEP]"], layout.YAxis[0].TickText.Cast<string>());
        Assert.Equal("she → ran", ((string[])heatmap.Text[1])[2]);

        var root = cut.Find(".attention-view");
        Assert.Equal("0", root.GetAttribute("data-layer"));
        Assert.Equal("0", root.GetAttribute("data-head"));
        Assert.Equal("Layer 1, head 1", cut.Find(".attention-title").TextContent);
        Assert.Equal(["1", "2"], cut.FindAll("button.attention-layer").Select(b => b.TextContent));
        Assert.Equal(3, cut.FindAll("button.attention-head:not(.attention-head-mean)").Count);
        Assert.Equal("true", cut.Find("#attention-layer-0").GetAttribute("aria-pressed"));
        Assert.Equal("true", cut.Find("#attention-head-0").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Switching_head_and_layer_changes_the_values_shown()
    {
        await using var ctx = TestHost.Create();
        var maps = MaskedLmRecords.Attention();
        var heads = new List<int?>();
        var layers = new List<int>();
        var cut = ctx.Render<AttentionView>(p => p
            .Add(x => x.Maps, maps)
            .Add(x => x.HeadChanged, h => heads.Add(h))
            .Add(x => x.LayerChanged, l => layers.Add(l)));

        cut.Find("#attention-head-2").Click();
        Equal(Expected(maps, 0, 2), Shown(cut));
        Assert.NotEqual(Shown(cut)[0][0], Expected(maps, 0, 0)[0][0]);
        Assert.Equal([2], heads);
        Assert.Equal("2", cut.Find(".attention-view").GetAttribute("data-head"));
        Assert.Equal("true", cut.Find("#attention-head-2").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("#attention-head-0").GetAttribute("aria-pressed"));

        cut.Find("#attention-layer-1").Click();
        Equal(Expected(maps, 1, 2), Shown(cut));
        Assert.Equal([1], layers);
        Assert.Equal("Layer 2, head 3", cut.Find(".attention-title").TextContent);
        // The chart was drawn already: the new matrix reaches plotly.js through react.
        Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "react");
    }

    [Fact]
    public async Task Average_over_heads_is_the_mean_of_the_heads()
    {
        await using var ctx = TestHost.Create();
        var maps = MaskedLmRecords.Attention();
        var heads = new List<int?>();
        var cut = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, maps).Add(x => x.Layer, 1).Add(x => x.HeadChanged, h => heads.Add(h)));

        cut.Find("#attention-head-mean").Click();
        var shown = Shown(cut);
        for (var q = 0; q < 4; q++)
        {
            for (var k = 0; k < 4; k++)
                Assert.Equal(Enumerable.Range(0, 3).Average(h => maps.Weights[1][h][q][k]), shown[q][k], 12);
            Assert.Equal(1, shown[q].Sum(), 12);
        }
        Assert.Equal([null], heads);
        Assert.Equal("mean", cut.Find(".attention-view").GetAttribute("data-head"));
        Assert.Equal("Layer 2, average over heads", cut.Find(".attention-title").TextContent);

        // The parent can ask for the mean too.
        var bound = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, maps).Add(x => x.Head, (int?)null));
        Assert.Equal("true", bound.Find("#attention-head-mean").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task The_text_summary_gives_each_query_its_most_attended_key()
    {
        await using var ctx = TestHost.Create();
        var maps = MaskedLmRecords.Attention();
        var cut = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, maps).Add(x => x.Head, 1));

        var rows = cut.FindAll("li.attention-summary-row");
        Assert.Equal(4, rows.Count);
        for (var q = 0; q < 4; q++)
        {
            var row = maps.Weights[0][1][q];
            var key = Enumerable.Range(0, row.Count).MaxBy(k => row[k]);
            Assert.Equal(q.ToString(CultureInfo.InvariantCulture), rows[q].GetAttribute("data-query"));
            Assert.Equal(key.ToString(CultureInfo.InvariantCulture), rows[q].GetAttribute("data-key"));
            Assert.Equal(row[key], double.Parse(rows[q].GetAttribute("data-weight")!, CultureInfo.InvariantCulture), 12);
        }
        // Head 2 of layer 1: query 0 ([CLS]) looks at token 1 (she) with 0.65.
        Assert.Equal("[CLS] → she 65.0%", Normalise(rows[0].TextContent));
        Assert.Equal("Layer 1, head 2: the key each query attends to most", cut.Find("ol.attention-summary").GetAttribute("aria-label"));

        cut.Find("#attention-head-0").Click();
        Assert.Equal("[CLS] → [CLS] 55.0%", Normalise(cut.FindAll("li.attention-summary-row")[0].TextContent));
    }

    static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Without_the_chart_the_summary_is_open_and_nothing_needs_plotly()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, MaskedLmRecords.Attention()).Add(x => x.ShowChart, false));
        Assert.False(cut.HasComponent<PlotlyChart>());
        Assert.True(cut.Find("details.attention-details").HasAttribute("open"));
        Assert.Equal(4, cut.FindAll("li.attention-summary-row").Count);

        var empty = ctx.Render<AttentionView>();
        Assert.Contains("No attention maps yet", empty.Find(".attention-empty").TextContent);
    }

    [Fact]
    public async Task An_out_of_range_choice_falls_back_to_the_first_layer_and_head()
    {
        await using var ctx = TestHost.Create();
        var maps = MaskedLmRecords.Attention();
        var cut = ctx.Render<AttentionView>(p => p.Add(x => x.Maps, maps).Add(x => x.Layer, 7).Add(x => x.Head, 9));
        Equal(Expected(maps, 0, 0), Shown(cut));
    }
}
