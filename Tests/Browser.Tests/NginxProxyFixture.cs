using System.Diagnostics;
using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>
/// The published app behind Debian's nginx at /interpret/, both ways deploy/nginx/interpret.conf describes:
/// style B (nginx strips the prefix and sends X-Forwarded-Prefix; the app has no path base) and style A (nginx keeps
/// the prefix; the app runs with Explorer:PathBase=/interpret); plus style B without the WebSocket upgrade headers.
/// Both apps trust only 127.0.0.1 as a proxy (nginx connects from there), so a client on 127.0.0.2 is not one.
/// </summary>
public sealed class NginxProxyFixture : IAsyncLifetime
{
    public const string SubPath = "interpret/";
    public static readonly string ReportFile = "publish-and-proxy.txt";

    readonly List<IAsyncDisposable> _started = [];

    public string RepoRoot { get; } = FindRepoRoot();
    public string PublishFolder => Path.Combine(RepoRoot, "Explorer.App", "bin", Configuration, "publish-for-tests");
    public TimeSpan PublishTime { get; private set; }
    public long PublishBytes { get; private set; }

    public PublishedApp StrippingApp { get; private set; } = null!;
    public PublishedApp KeepingApp { get; private set; } = null!;
    public NginxProxy Stripping { get; private set; } = null!;
    public NginxProxy Keeping { get; private set; } = null!;
    public NginxProxy WithoutUpgrade { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(RepoRoot, "test-results", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        try
        {
            await PublishAsync();
            var deployConf = Path.Combine(RepoRoot, "deploy", "nginx", "interpret.conf");
            string[] logging = ["--Logging:LogLevel:Explorer.App.Requests=Debug", "--Explorer:KnownProxies:0=127.0.0.1"];

            // Started side by side: each spends its start-up loading models.
            var stripping = PublishedApp.StartAsync(PublishFolder, logging);
            var keeping = PublishedApp.StartAsync(PublishFolder, [.. logging, "--Explorer:PathBase=/interpret"]);
            try { await Task.WhenAll(stripping, keeping); }
            finally
            {
                if (stripping.IsCompletedSuccessfully) StrippingApp = Keep(stripping.Result);
                if (keeping.IsCompletedSuccessfully) KeepingApp = Keep(keeping.Result);
            }
            Stripping = Keep(await NginxProxy.StartAsync(deployConf, StrippingApp.Address));
            // The edits the file's comment gives for style A.
            Keeping = Keep(await NginxProxy.StartAsync(deployConf, KeepingApp.Address, conf => NginxProxy.DropLines(
                NginxProxy.Replace(conf, "proxy_pass http://interpret_explorer/;", "proxy_pass http://interpret_explorer;"),
                "X-Forwarded-Prefix")));
            WithoutUpgrade = Keep(await NginxProxy.StartAsync(deployConf, StrippingApp.Address, conf =>
                NginxProxy.DropLines(NginxProxy.DropLines(conf, "proxy_set_header Upgrade"), "proxy_set_header Connection")));

            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Chromium.LaunchAsync(Playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    T Keep<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    /// <summary>`dotnet publish --no-build` of the app the solution build made (the tests' configuration), reused while
    /// newer than that build.</summary>
    async Task PublishAsync()
    {
        var built = Path.Combine(RepoRoot, "Explorer.App", "bin", Configuration, "net10.0", "linux-x64", "Explorer.App.dll");
        var published = Path.Combine(PublishFolder, "Explorer.App.dll");
        var clock = Stopwatch.StartNew();
        if (!File.Exists(published) || File.GetLastWriteTimeUtc(published) < File.GetLastWriteTimeUtc(built))
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "publish", "Explorer.App", "-c", Configuration, File.Exists(built) ? "--no-build" : "", "-o", PublishFolder, "-nologo", "-v", "q" })
                if (a != "") start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{string.Join("\n", await output)}");
        }
        PublishTime = clock.Elapsed;
        PublishBytes = new DirectoryInfo(PublishFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
    }

    public async Task DisposeAsync()
    {
        try { if (Browser is not null) await Browser.CloseAsync(); } catch { /* already gone */ }
        Playwright?.Dispose();
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].DisposeAsync();
        _started.Clear();
    }

    /// <summary>A fresh context and page whose base URL is the proxy's /interpret/.</summary>
    public async Task<ExplorerPage> OpenPageAsync(NginxProxy proxy, Action<IPage>? beforeLoad = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = new Uri(proxy.Address, SubPath).ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1400 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        beforeLoad?.Invoke(page);
        var explorer = new ExplorerPage(page, ScreenshotDirectory);
        await explorer.GotoAsync();
        return explorer;
    }

    static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Interpret.Explorer.sln above {AppContext.BaseDirectory}.");
    }
}
