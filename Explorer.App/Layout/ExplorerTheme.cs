using MudBlazor;

namespace Explorer.App.Layout;

/// <summary>MudBlazor's default palettes (the component library's charts use its primary colour) with the status
/// colours changed to pairs that keep WCAG AA contrast (4.5:1) for their text, as axe-core checks in the browser tests:
/// the defaults put white on #f44336 / #00c853 / #2196f3 (3.7 / 2.4 / 3.1:1). Light: dark fills under white text;
/// dark: light fills under dark text (and light text on the dark surface). The system font stack: no web fonts.
/// Host apps that embed the heatmap with MudBlazor's default light text colour (#424242) lose AA contrast on mid-strength
/// fills; they should set a text colour this dark too.</summary>
public static class ExplorerTheme
{
    const string DarkText = "rgba(0,0,0,0.87)";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            // Heatmap tokens switch from theme text to white where a fill's luminance crosses 0.18; only pure black
            // keeps 4.5:1 on the fills just above that (MudBlazor's #424242 needs 0.42).
            TextPrimary = "#000000",
            Error = "#c62828", ErrorContrastText = "#ffffff",
            Success = "#2e7d32", SuccessContrastText = "#ffffff",
            Info = "#1565c0", InfoContrastText = "#ffffff",
            Warning = "#8a4b00", WarningContrastText = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            // MudBlazor's dark defaults give white on #776be7 (4.2:1) and 50 % white secondary text (4.4:1).
            Primary = "#9f97f0", PrimaryContrastText = DarkText,
            TextSecondary = "rgba(255,255,255,0.70)",
            Error = "#ef9a9a", ErrorContrastText = DarkText,
            Success = "#81c784", SuccessContrastText = DarkText,
            Info = "#90caf9", InfoContrastText = DarkText,
            Warning = "#ffcc80", WarningContrastText = DarkText,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
