using Interpret.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Interpret.Components;

/// <summary>A transformer's attention: a Plotly heatmap of one layer's head (query rows × key columns, 0..1), or the
/// mean over the layer's heads, with layer and head buttons and, per query, the key it attends to most as text.
/// Usage: <c>&lt;AttentionView Maps="@maps" /&gt;</c>.</summary>
public partial class AttentionView
{
    [Parameter] public AttentionMaps? Maps { get; set; }

    /// <summary>The layer shown (0-based, default 0). Bindable.</summary>
    [Parameter] public int Layer { get; set; }

    [Parameter] public EventCallback<int> LayerChanged { get; set; }

    /// <summary>The head shown (0-based, default 0); null shows the mean over the layer's heads. Bindable.</summary>
    [Parameter] public int? Head { get; set; } = 0;

    [Parameter] public EventCallback<int?> HeadChanged { get; set; }

    /// <summary>Show the Plotly heatmap (default). Without it the text summary is open instead.</summary>
    [Parameter] public bool ShowChart { get; set; } = true;

    /// <summary>Plotly cannot read MudBlazor's CSS variables; tell it the theme so axis text stays readable.</summary>
    [Parameter] public bool DarkMode { get; set; }

    /// <summary>Element ids are <c>{IdPrefix}-layer-{l}</c>, <c>{IdPrefix}-head-{h}</c> and <c>{IdPrefix}-head-mean</c>.</summary>
    [Parameter] public string IdPrefix { get; set; } = "attention";

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    int _layer;
    int? _head;
    int? _lastLayerParameter;
    (bool Set, int? Value) _lastHeadParameter;
    AttentionMatrix? _matrix;

    PlotlyChart? _chart;
    IList<ITrace> _data = [];
    Layout _layout = new();
    readonly Config _config = PlotlyTheme.Config();
    bool _chartStale;

    string? HeadData => _matrix is null ? null : _matrix.Head is int h ? h.ToString(System.Globalization.CultureInfo.InvariantCulture) : "mean";

    string Title => _matrix is null ? "" : $"Layer {_matrix.Layer + 1}, {(_matrix.Head is int h ? $"head {h + 1}" : "average over heads")}";

    // Square-ish cells; the tick labels need room below and to the left.
    string ChartStyle => $"height: {120 + 22 * (_matrix?.Weights.Length ?? 1)}px;";

    protected override void OnParametersSet()
    {
        // The buttons own the choice between renders; a new value from the parent wins.
        if (_lastLayerParameter != Layer)
        {
            _layer = Layer;
            _lastLayerParameter = Layer;
        }
        if (!_lastHeadParameter.Set || _lastHeadParameter.Value != Head)
        {
            _head = Head;
            _lastHeadParameter = (true, Head);
        }
        Rebuild();
    }

    async Task SelectLayerAsync(int layer)
    {
        if (layer == _layer) return;
        _layer = layer;
        Rebuild();
        await LayerChanged.InvokeAsync(layer);
    }

    async Task SelectHeadAsync(int? head)
    {
        if (head == _head) return;
        _head = head;
        Rebuild();
        await HeadChanged.InvokeAsync(head);
    }

    void Rebuild()
    {
        // Out-of-range choices (a new, smaller model) fall back to the first layer and head.
        if (Maps is not null && (_layer < 0 || _layer >= Maps.Layers)) _layer = 0;
        if (Maps is not null && _head is int h && (h < 0 || h >= Maps.Heads)) _head = 0;
        _matrix = AttentionMatrix.Of(Maps, _layer, _head);
        if (_matrix is null) return;

        var positions = Enumerable.Range(0, _matrix.Tokens.Count).Select(i => (object)i).ToList();
        var labels = _matrix.Tokens.Select(t => (object)t.Text).ToList();
        _data =
        [
            new HeatMap
            {
                // Numeric axes with the token texts as tick labels: repeated tokens ("the", "[MASK]") stay apart.
                X = positions,
                Y = positions,
                Z = _matrix.Weights.Select(row => (object)row).ToList(),
                Text = _matrix.Tokens.Select(q => (object)_matrix.Tokens.Select(k => $"{q.Text} → {k.Text}").ToArray()).ToList(),
                ColorScale = ColorScale.PlotlySequential(DarkMode),
                ZMin = 0,
                ZMax = 1,
                HoverTemplate = "%{text}: %{z:.3f}<extra></extra>",
            },
        ];
        _layout = PlotlyTheme.Layout(DarkMode);
        _layout.Margin.L = 90;
        _layout.Margin.B = 90;
        _layout.XAxis = [new XAxis { GridColor = PlotlyTheme.GridColor(DarkMode), TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Array, TickVals = positions, TickText = labels, TickAngle = -60, Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "key" } }];
        var y = _layout.YAxis[0];
        y.TickMode = Plotly.Blazor.LayoutLib.YAxisLib.TickModeEnum.Array;
        y.TickVals = positions;
        y.TickText = labels;
        y.Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "query" };
        _chartStale = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // PlotlyChart draws once on its first render and never re-renders itself: later choices need React().
        if (_chartStale && !firstRender && _chart is not null)
            await _chart.React();
        _chartStale = false;
    }
}
