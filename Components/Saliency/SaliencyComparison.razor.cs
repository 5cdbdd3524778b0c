using Interpret.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Interpret.Components;

/// <summary>Several interpretations (methods) of one input side by side: a row of coloured tokens per method and a
/// Plotly heatmap of methods × tokens, all on one scale: normalised |scores|, or signed shares (sign × normalised score)
/// so "for or against" reads the same across methods.
/// Usage: <c>&lt;SaliencyComparison Interpretations="@results" /&gt;</c>.</summary>
public partial class SaliencyComparison
{
    /// <summary>The results to compare, one per method, of the same input.</summary>
    [Parameter] public IReadOnlyList<Interpretation>? Interpretations { get; set; }

    /// <summary>Which labeled instance of each result to compare (0-based, default the first).</summary>
    [Parameter] public int InstanceIndex { get; set; }

    /// <summary>Signed shares on a diverging scale (red for the target, blue against) instead of normalised |scores|;
    /// the page passes the heatmap's choice so both views agree.</summary>
    [Parameter] public bool Signed { get; set; }

    /// <summary>Pieces, words or sentences, as in the heatmap.</summary>
    [Parameter] public SaliencyGranularity Granularity { get; set; }

    /// <summary>Show the Plotly heatmap (default).</summary>
    [Parameter] public bool ShowChart { get; set; } = true;

    /// <summary>Plotly cannot read MudBlazor's CSS variables; tell it the theme so axis text stays readable.</summary>
    [Parameter] public bool DarkMode { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    sealed record MethodRow(string Method, SaliencyLayout Layout);

    List<MethodRow> _rows = [];
    double _max;
    string? _target; // the compared results explain the same label (the page compares only those)
    PlotlyChart? _chart;
    IList<ITrace> _data = [];
    Layout _layout = new();
    readonly Config _config = PlotlyTheme.Config();
    bool _chartStale;

    string ChartStyle => $"height: {PlotlyTheme.HeatmapHeight(_rows.Count)}px;";

    protected override void OnParametersSet()
    {
        var instances = (Interpretations ?? [])
            .Where(i => InstanceIndex < i.Instances.Count)
            .Select(i => (i.Method, Instance: Granularity.Apply(i.Instances[InstanceIndex])))
            .ToList();
        // Normalised scores sum to 1 per method, so one scale across methods compares like with like.
        _max = instances.SelectMany(x => x.Instance.Fields).SelectMany(f => f.Normalized)
            .Where(double.IsFinite).DefaultIfEmpty(0).Max();
        _target = instances.Count > 0 ? instances[0].Instance.Label.Value : null;
        var scale = Signed ? SaliencyScale.SignedShare : SaliencyScale.Magnitude;
        _rows = instances.Select(x => new MethodRow(x.Method, SaliencyLayout.Build(x.Instance, scale, _max))).ToList();
        BuildChart();
    }

    void BuildChart()
    {
        if (_rows.Count == 0) return;
        // Columns follow the first method's tokens; a method with fewer tokens leaves gaps.
        var columns = _rows[0].Layout.Rows.SelectMany(r => r.Cells).ToList();
        var multiField = _rows[0].Layout.Rows.Count > 1;
        // Plotly merges equal category names, so each column label carries its position.
        var x = columns.Select(c => (object)(multiField ? $"{c.Field}:{c.Position} {c.Text}" : $"{c.Position} {c.Text}")).ToList();
        var z = _rows.Select(r =>
        {
            var scores = r.Layout.Rows.SelectMany(f => f.Cells).Select(c => c.Score).ToList();
            return (object)columns.Select((_, i) => i < scores.Count ? scores[i] : (double?)null).ToArray();
        }).ToList();

        _data =
        [
            new HeatMap
            {
                X = x,
                Y = _rows.Select(r => (object)r.Method).ToList(),
                Z = z,
                ColorScale = Signed ? ColorScale.PlotlyDiverging() : ColorScale.PlotlySequential(DarkMode),
                ZMin = Signed ? -(decimal)(_max > 0 ? _max : 1) : 0,
                ZMax = (decimal)(_max > 0 ? _max : 1),
                HoverTemplate = "%{y}<br>%{x}: %{z:.3f}<extra></extra>",
            },
        ];
        _layout = PlotlyTheme.Layout(DarkMode);
        _layout.Margin.L = 130;
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
