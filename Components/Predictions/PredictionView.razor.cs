using Interpret.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Interpret.Components;

/// <summary>A model's prediction: a Plotly bar chart of the label probabilities plus a table with the same numbers.
/// Usage: <c>&lt;PredictionView Prediction="@prediction" /&gt;</c>.</summary>
public partial class PredictionView
{
    [Parameter] public Prediction? Prediction { get; set; }

    /// <summary>Show the bar chart (default). Without it only the table renders.</summary>
    [Parameter] public bool ShowChart { get; set; } = true;

    /// <summary>Plotly cannot read MudBlazor's CSS variables; tell it the theme so axis text stays readable.</summary>
    [Parameter] public bool DarkMode { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    PlotlyChart? _chart;
    IList<ITrace> _data = [];
    Layout _layout = new();
    readonly Config _config = PlotlyTheme.Config();
    bool _chartStale;

    string ChartStyle => $"height: {PlotlyTheme.BarHeight}px;";

    protected override void OnParametersSet()
    {
        if (Prediction is null) return;
        var probabilities = Prediction.Probabilities;
        var entities = Prediction.Entities is { } e && e.Count == probabilities.Count ? e : null;
        _data =
        [
            new Bar
            {
                X = probabilities.Select(p => (object)p.Label).ToList(),
                Y = probabilities.Select(p => (object)p.Probability).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker
                {
                    // The predicted label in the theme's primary colour, the others muted; a tagger's entities in
                    // their types' colours, as on the tagged sentence.
                    Color = probabilities.Select((p, i) => (object)(entities is not null ? EntityColors.For(entities[i].Value)
                        : p.Label == Prediction.Label ? PlotlyTheme.Primary : PlotlyTheme.Muted)).ToList(),
                },
                HoverTemplate = "%{x}: %{y:.1%}<extra></extra>",
            },
        ];
        _layout = PlotlyTheme.Layout(DarkMode, yAxisPercent: true);
        _chartStale = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // PlotlyChart draws once on its first render and never re-renders itself: later records need React().
        if (_chartStale && !firstRender && _chart is not null)
            await _chart.React();
        _chartStale = false;
    }
}
