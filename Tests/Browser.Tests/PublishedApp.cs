using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Interpret.Browser.Tests;

/// <summary>The published Explorer.App (a `dotnet publish` folder) run as an operator runs it: `dotnet Explorer.App.dll`
/// from an unrelated working directory, Production environment, no SDK command. Records how long it took from the
/// process start to the first request served (/healthz answering Healthy).</summary>
public sealed partial class PublishedApp : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    readonly StringBuilder _log = new();
    readonly object _logLock = new();
    readonly Process _process;

    public Uri Address { get; }
    public TimeSpan StartupTime { get; }

    /// <summary>What the app wrote so far (stdout and stderr).</summary>
    public string Log { get { lock (_logLock) return _log.ToString(); } }

    PublishedApp(Process process, Uri address, TimeSpan startupTime, StringBuilder log, object logLock)
    {
        (_process, Address, StartupTime, _log, _logLock) = (process, address, startupTime, log, logLock);
    }

    public static async Task<PublishedApp> StartAsync(string publishFolder, params string[] settings)
    {
        var log = new StringBuilder();
        var logLock = new object();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(publishFolder, "Explorer.App.dll"));
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" }.Concat(settings))
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The published app exited before listening."));
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null) return;
            lock (logLock) log.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }

        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            using var http = new HttpClient { BaseAddress = address };
            while ((await http.GetAsync("healthz")).StatusCode != System.Net.HttpStatusCode.OK)
                await Task.Delay(100);
            return new PublishedApp(process, address, clock.Elapsed, log, logLock);
        }
        catch (Exception e)
        {
            Stop(process);
            string output;
            lock (logLock) output = log.ToString();
            throw new InvalidOperationException($"The published app did not start within {StartTimeout.TotalSeconds:0} s: {e.Message}\n--- app output ---\n{output}", e);
        }
    }

    /// <summary>Waits until the app logged a line containing <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForLogLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var line = Log.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null) return line.Trim();
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app logged no line containing '{text}' within {timeout.TotalSeconds:0} s.\n--- app output ---\n{Log}");
    }

    static void Stop(Process process)
    {
        try { if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { /* exited meanwhile */ }
        process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on:\s*(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
