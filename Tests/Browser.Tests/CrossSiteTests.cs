using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interpret.Browser.Tests;

/// <summary>A page served from another loopback port (as a site a user visits would be another origin) tries to make
/// the explorer work. A "simple" no-cors request cannot send application/json, so the server refuses it (415) before
/// any job; a JSON request needs a CORS preflight, which fails for an origin not in Api:AllowedOrigins.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class CrossSiteTests(ExplorerAppFixture app)
{
    [Fact]
    public async Task A_page_on_another_origin_cannot_start_a_job()
    {
        using var elsewhere = OtherOrigin.Start("<!DOCTYPE html><html lang=\"en\"><title>elsewhere</title></html>");
        var context = await app.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(elsewhere.Address);
            var target = new Uri(app.BaseAddress, "api/models/sentiment-sst2-bilstm/interpret/integrated-gradient").ToString();
            const string body = """{"input": {"text": "a fine film"}, "options": {"steps": 1000}}""";

            // The page itself learns nothing (an opaque answer, or an error when the browser blocks the JSON answer);
            // the browser's network log shows the server refused the request before any job.
            var simple = await page.RunAndWaitForResponseAsync(
                () => page.EvaluateAsync("([url, body]) => fetch(url, { method: 'POST', mode: 'no-cors', body }).then(() => 'opaque', e => 'failed: ' + e.name)",
                    new[] { target, body }),
                response => response.Url == target);
            Assert.Equal(415, simple.Status);

            var json = await page.EvaluateAsync<string>(
                "([url, body]) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })" +
                ".then(r => 'answered ' + r.status, e => 'blocked: ' + e.name)", new[] { target, body });
            Assert.StartsWith("blocked", json);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A one-page web server on a free loopback port: another origin than the explorer's.</summary>
    sealed class OtherOrigin : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly byte[] _page;

        OtherOrigin(string page, int port)
        {
            _page = Encoding.UTF8.GetBytes(page);
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = ServeAsync();
        }

        public string Address { get; }

        public static OtherOrigin Start(string page)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new OtherOrigin(page, port);
        }

        async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; } // stopped
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(_page);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
