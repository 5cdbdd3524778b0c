using MudBlazor;

namespace Explorer.App.Layout;

/// <summary>MudBlazor's default palettes (the component library's charts use its primary colour) with the system
/// font stack: there are no web fonts to download.</summary>
public static class ExplorerTheme
{
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
