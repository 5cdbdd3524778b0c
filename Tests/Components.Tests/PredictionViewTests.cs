using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Interpret.Components.Tests;

public class PredictionViewTests
{
    static Interpret.Results.Prediction ThreeLabels() =>
        Records.Prediction("entailment", ("entailment", 0.7), ("neutral", 0.2), ("contradiction", 0.1));

    [Fact]
    public async Task The_table_lists_every_label_with_its_probability()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, ThreeLabels()));

        var rows = cut.FindAll("tr.probability-row");
        Assert.Equal(["entailment", "neutral", "contradiction"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["70.0%", "20.0%", "10.0%"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal([0.7, 0.2, 0.1], rows.Select(r => double.Parse(r.GetAttribute("data-probability")!, CultureInfo.InvariantCulture)));
        Assert.Equal(["entailment"], cut.FindAll("tr.predicted").Select(r => r.GetAttribute("data-label")));
        Assert.Contains("Predicted entailment", cut.Find(".prediction-label").TextContent);
    }

    [Fact]
    public async Task The_bar_chart_carries_the_same_numbers()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, ThreeLabels()));

        var bar = Assert.IsType<Bar>(Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal(["entailment", "neutral", "contradiction"], bar.X.Cast<string>());
        Assert.Equal([0.7, 0.2, 0.1], bar.Y.Cast<double>());
    }

    [Fact]
    public async Task A_new_prediction_updates_table_and_chart()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, ThreeLabels()));
        Assert.DoesNotContain(ctx.JSInterop.Invocations, i => i.Identifier == "react");
        cut.Render(p => p.Add(x => x.Prediction, Records.Prediction("neutral", ("entailment", 0.3), ("neutral", 0.6), ("contradiction", 0.1))));

        // PlotlyChart draws only on its first render; the new numbers must reach plotly.js through react.
        Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "react");

        Assert.Equal(["neutral"], cut.FindAll("tr.predicted").Select(r => r.GetAttribute("data-label")));
        var bar = Assert.IsType<Bar>(Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data));
        Assert.Equal([0.3, 0.6, 0.1], bar.Y.Cast<double>());
    }

    [Fact]
    public async Task Without_the_chart_the_table_still_renders()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, ThreeLabels()).Add(x => x.ShowChart, false));
        Assert.False(cut.HasComponent<PlotlyChart>());
        Assert.Equal(3, cut.FindAll("tr.probability-row").Count);
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var prediction = ThreeLabels();
        var direct = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, prediction));
        var viaJson = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, TestHost.RoundTrip(prediction)));

        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
    }
}
