using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Interpret.Browser.Tests;

/// <summary>Debian's nginx (/usr/sbin/nginx) in the foreground as a child process, serving the repository's
/// deploy/nginx/interpret.conf with only its ports changed (and, for a variant, the edits its comments describe). Its
/// pid file, logs and temp files live in a folder of its own.</summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    readonly Process _process;
    readonly string _folder;

    public Uri Address { get; }

    NginxProxy(Process process, string folder, Uri address) => (_process, _folder, Address) = (process, folder, address);

    /// <summary>The deploy file with the app's port and a free port to listen on; <paramref name="edit"/> applies a
    /// variant's edits to the text.</summary>
    public static async Task<NginxProxy> StartAsync(string deployConf, Uri app, Func<string, string>? edit = null)
    {
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"{NginxPath} is missing. Install Debian's nginx (apt-get install -y nginx); Tests/run.sh does it.");

        var port = FreePort();
        var site = Replace(File.ReadAllText(deployConf), "listen 80;", $"listen 127.0.0.1:{port};");
        site = Replace(site, "server 127.0.0.1:5402;", $"server 127.0.0.1:{app.Port};");
        if (edit is not null) site = edit(site);

        var folder = Directory.CreateTempSubdirectory("nginx-interpret-").FullName;
        File.WriteAllText(Path.Combine(folder, "interpret.conf"), site);
        var root = Environment.UserName == "root" ? "user root;\n" : ""; // workers may write the temp folder
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{root}}worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/interpret.conf;
            }
            """);

        var start = new ProcessStartInfo(NginxPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();

        var address = new Uri($"http://127.0.0.1:{port}/");
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(50))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited ({process.ExitCode}): {await stderr}\n--- config ---\n{site}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new NginxProxy(process, folder, address);
            }
            catch (SocketException) { /* not listening yet */ }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("nginx did not listen within 10 s.");
    }

    /// <summary>Replaces text the deploy file must contain: if it changed shape, say so instead of testing something else.</summary>
    public static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal)
            ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/interpret.conf no longer contains '{what}'.");

    /// <summary>Drops every line that contains <paramref name="what"/> (at least one must).</summary>
    public static string DropLines(string text, string what)
    {
        var lines = text.Split('\n');
        if (!lines.Any(l => l.Contains(what, StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')))
            throw new InvalidOperationException($"deploy/nginx/interpret.conf no longer contains '{what}'.");
        return string.Join('\n', lines.Where(l => !l.Contains(what, StringComparison.Ordinal) || l.TrimStart().StartsWith('#')));
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public ValueTask DisposeAsync()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { /* exited meanwhile */ }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
