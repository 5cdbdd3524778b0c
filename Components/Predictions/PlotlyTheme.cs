using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Interpret.Components;

/// <summary>Plotly settings shared by the charts: transparent background (the MudBlazor surface shows through),
/// text colour per theme, no mode bar or logo, and nothing fetched from the internet.</summary>
internal static class PlotlyTheme
{
    public const string Primary = "#594ae2"; // MudBlazor's default primary
    public const string Muted = "#9e9e9e";

    public static Config Config() => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        ShowLink = false,
    };

    /// <summary>Grid and zero lines: Plotly's default near-white lines glare on a dark surface.</summary>
    public static string GridColor(bool dark) => dark ? "rgba(255,255,255,0.14)" : "rgba(0,0,0,0.10)";

    public static Layout Layout(bool dark, bool yAxisPercent = false) => new()
    {
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = dark ? "#e0e0e0" : "#424242" },
        Margin = new Margin { L = 60, R = 20, T = 10, B = 60 },
        XAxis = [new XAxis { GridColor = GridColor(dark), ZeroLineColor = GridColor(dark) }],
        YAxis = yAxisPercent
            ? [new YAxis { Range = [0, 1], TickFormat = ".0%", GridColor = GridColor(dark), ZeroLineColor = GridColor(dark) }]
            : [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed, GridColor = GridColor(dark), ZeroLineColor = GridColor(dark) }],
    };

    public const int BarHeight = 260;

    public static int HeatmapHeight(int rows) => 80 + 40 * Math.Max(1, rows);
}
