using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>A page on another origin (another loopback port, as a site a user visits would be) tries to make the
/// explorer work. A "simple" no-cors request cannot send application/json, so the server refuses it (415) before any
/// job; a JSON request needs a CORS preflight, which fails for an origin not in Api:AllowedOrigins.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class CrossSiteTests(ExplorerAppFixture app)
{
    [Fact]
    public async Task A_page_on_another_origin_cannot_start_a_job()
    {
        var other = new UriBuilder(app.BaseAddress) { Port = app.BaseAddress.Port == 65535 ? 65534 : app.BaseAddress.Port + 1 }.Uri;
        var context = await app.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            // Playwright answers for the other origin itself, so no second server is needed.
            await page.RouteAsync(new Uri(other, "/attacker.html").ToString(), route =>
                route.FulfillAsync(new() { ContentType = "text/html", Body = "<!DOCTYPE html><title>elsewhere</title>" }));
            await page.GotoAsync(new Uri(other, "/attacker.html").ToString());
            var target = new Uri(app.BaseAddress, "api/models/sentiment-sst2-bilstm/interpret/integrated-gradient").ToString();
            const string body = """{"input": {"text": "a fine film"}, "options": {"steps": 1000}}""";

            var simple = await page.RunAndWaitForResponseAsync(
                () => page.EvaluateAsync("([url, body]) => fetch(url, { method: 'POST', mode: 'no-cors', body }).then(() => 'opaque', e => 'failed: ' + e.name)",
                    new[] { target, body }),
                response => response.Url == target);
            // The page itself sees nothing (an opaque answer, or an error when the browser blocks the JSON answer);
            // the browser's network log shows the server refused the request before any job.
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
}
