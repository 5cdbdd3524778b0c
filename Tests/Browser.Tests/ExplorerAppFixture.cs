using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>
/// Starts Explorer.App as a child process on a free port (http://127.0.0.1:0, the bound address read from its log)
/// and one headless Debian chromium through Playwright, shared by every browser test; kills both at the end.
/// </summary>
public sealed partial class ExplorerAppFixture : IAsyncLifetime
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    readonly StringBuilder _log = new();
    readonly object _logLock = new();
    Process? _app;

    public string RepoRoot { get; } = FindRepoRoot();
    public Uri BaseAddress { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public ExplorerApi Api { get; private set; } = null!;

    public string ResultsDirectory => Directory.CreateDirectory(Path.Combine(RepoRoot, "test-results")).FullName;
    public string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(ResultsDirectory, "screenshots")).FullName;

    /// <summary>What the app wrote so far (stdout and stderr), for failure messages.</summary>
    public string AppLog { get { lock (_logLock) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.Path))
            throw new InvalidOperationException($"{Chromium.Path} is missing. Install Debian's chromium (apt-get install -y chromium); Tests/run.sh does it.");

        if (!File.Exists(AppDll())) await BuildAppAsync();
        BaseAddress = await StartAppAsync();

        try
        {
            Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            Api = new ExplorerApi(Http);

            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Chromium.LaunchAsync(Playwright);
        }
        catch
        {
            // A fixture that fails to start may not be disposed: leave no app process behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try { if (Browser is not null) await Browser.CloseAsync(); } catch { /* already gone */ }
        Playwright?.Dispose();
        Http?.Dispose();
        StopApp();
    }

    /// <summary>A fresh browser context and page (own cookies, own circuit).</summary>
    public async Task<ExplorerPage> OpenPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            // Tall enough that full-page screenshots need no stitching (the app bar is fixed).
            ViewportSize = new ViewportSize { Width = 1280, Height = 1400 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var explorer = new ExplorerPage(page, ScreenshotDirectory);
        await explorer.GotoAsync();
        return explorer;
    }

    /// <summary>The configuration these tests were built in (bin/Debug or bin/Release): the solution build built the
    /// app in the same one.</summary>
    static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    string AppDll() => Path.Combine(RepoRoot, "Explorer.App", "bin", Configuration, "net10.0", "linux-x64", "Explorer.App.dll");

    async Task BuildAppAsync()
    {
        var (code, output) = await RunDotnetAsync(["build", "Explorer.App", "-c", Configuration, "-nologo", "-v", "q"], TimeSpan.FromMinutes(10));
        if (code != 0) throw new InvalidOperationException($"Building Explorer.App failed (exit {code}):\n{output}");
    }

    async Task<Uri> StartAppAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "run", "--project", "Explorer.App", "-c", Configuration, "--no-build", "--no-launch-profile", "--",
                     "--urls", "http://127.0.0.1:0",
                     // The bound address comes from this category's log line, whatever appsettings says.
                     "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                     // One torch worker (the app's default, pinned here): the cancel test tells a stopped job from a
                     // running one by whether the next request has to wait for the worker.
                     "--Explorer:Workers=1",
                     // The cancel test needs a job that runs for many seconds (20,000 IG steps on a long sentence),
                     // about 20× the default work budget; the budget test asks for more than this one.
                     "--Explorer:MaxWorkPerRequest=2000000000000",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app = new Process { StartInfo = start, EnableRaisingEvents = true };
        _app.OutputDataReceived += (_, e) => OnLine(e.Data);
        _app.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _app.Exited += (_, _) => address.TrySetException(new InvalidOperationException("Explorer.App exited before listening."));
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null) return;
            lock (_logLock) _log.AppendLine(line);
            var match = ListeningLine().Match(line);
            if (match.Success) address.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
        }

        try
        {
            return await address.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e)
        {
            var exit = _app.HasExited ? $" (exit code {_app.ExitCode})" : "";
            StopApp();
            throw new InvalidOperationException(
                $"Explorer.App did not report 'Now listening on: http://127.0.0.1:PORT' within {StartTimeout.TotalSeconds:0} s{exit}: " +
                $"{e.Message}\n--- app output ---\n{AppLog}", e);
        }
    }

    void StopApp()
    {
        if (_app is null) return;
        try
        {
            if (!_app.HasExited)
            {
                _app.Kill(entireProcessTree: true);
                _app.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { /* exited meanwhile */ }
        _app.Dispose();
        _app = null;
    }

    async Task<(int Code, string Output)> RunDotnetAsync(IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await stdout + await stderr);
    }

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Interpret.Explorer.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Now listening on:\s*(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

[CollectionDefinition(Name)]
public sealed class ExplorerAppCollection : ICollectionFixture<ExplorerAppFixture>
{
    public const string Name = "Explorer app in a browser";
}
