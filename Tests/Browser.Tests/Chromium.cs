using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>Debian's chromium, headless, as every browser test launches it (never 'playwright install').</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException(
                $"{Path} is missing. Install Debian's chromium (apt-get install -y chromium); Tests/run.sh does it. " +
                "Do not run 'playwright install'.");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }
}
