using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>
/// The published folder behind Debian's nginx at /interpret/ with deploy/nginx/interpret.conf, in the real browser:
/// the page is styled, the circuit runs over a WebSocket through the proxy, a run streams to the end, a reload works,
/// the API answers under the sub-path; without the upgrade headers the page still works over long polling and says
/// the connection is degraded; a forged X-Forwarded-For from a client that is not the proxy is not believed.
/// </summary>
public sealed class NginxProxyTests(NginxProxyFixture fixture, ITestOutputHelper output) : IClassFixture<NginxProxyFixture>
{
    public static TheoryData<string> Styles => new() { "strips-prefix", "keeps-prefix" };

    NginxProxy Proxy(string style) => style == "strips-prefix" ? fixture.Stripping : fixture.Keeping;

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task The_explorer_works_under_the_sub_path_over_a_websocket(string style)
    {
        var proxy = Proxy(style);
        var sockets = new List<string>();
        var failed = new List<string>();
        await using var explorer = await fixture.OpenPageAsync(proxy, page =>
        {
            page.WebSocket += (_, socket) => { lock (sockets) sockets.Add(socket.Url); };
            page.Response += (_, response) => { if (response.Status >= 400) lock (failed) failed.Add($"{response.Status} {response.Url}"); };
        });
        var page = explorer.Page;

        Assert.Equal("/interpret/", await page.EvaluateAsync<string>("() => new URL(document.baseURI).pathname"));
        // Styled: MudBlazor's and the app's style sheets loaded through the proxy.
        Assert.Equal("fixed", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-appbar')).position"));
        Assert.Contains("system-ui", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        lock (sockets) Assert.Contains(sockets, url => Regex.IsMatch(url, @"^ws://127\.0\.0\.1:\d+/interpret/_blazor\?id="));

        await explorer.SelectMethodAsync("integrated-gradient");
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        await explorer.SetMethodOptionsAsync("integrated-gradient", steps: 20, chunk: 5);
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        Assert.Equal(new ProgressShown("done", 20, 20), await explorer.ReadProgressAsync());
        Assert.True(await explorer.SaliencyTokens.CountAsync() > 0);
        await AssertConnectedAsync(page, degraded: false);
        await explorer.AssertAccessibleAsync($"behind nginx, {style}");

        // The URL keeps the sub-path and carries the set-up: a reload under the sub-path reopens it on a working page.
        Assert.StartsWith(new Uri(proxy.Address, NginxProxyFixture.SubPath) + "?model=sentiment-sst2-bilstm&method=integrated-gradient", page.Url);
        await page.ReloadAsync();
        await page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal(Inputs.Sentence, await page.Locator("#input-text").InputValueAsync());
        await explorer.PredictAsync();
        await AssertConnectedAsync(page, degraded: false);
        lock (failed) Assert.Empty(failed);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task The_api_answers_under_the_sub_path(string style)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Proxy(style).Address, NginxProxyFixture.SubPath) };

        var models = await http.GetAsync("api/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Contains("sentiment-sst2-bilstm", await models.Content.ReadAsStringAsync());
        var prediction = await http.PostAsync("api/models/sentiment-sst2-bilstm/predict",
            new StringContent("""{"text": "a wonderful film"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        Assert.Equal("Healthy", await http.GetStringAsync("healthz"));
        // nginx refuses bodies over the app's 1 MB before they reach it.
        var tooLarge = await http.PostAsync("api/models/sentiment-sst2-bilstm/predict",
            new StringContent(new string('a', 1_100_000), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Without_the_upgrade_the_page_works_over_long_polling_and_says_so()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var explorer = await fixture.OpenPageAsync(fixture.WithoutUpgrade);
        var page = explorer.Page;
        output.WriteLine($"interactive over the fallback after {clock.Elapsed.TotalSeconds:0.0} s");

        await page.Locator("#connection-degraded").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        output.WriteLine($"degraded notice after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal("status", await page.Locator("#connection-degraded").GetAttributeAsync("role"));
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        output.WriteLine($"a simple-gradient run complete after {clock.Elapsed.TotalSeconds:0.0} s");
        await explorer.AssertAccessibleAsync("behind nginx without WebSocket upgrade");
    }

    [Fact]
    public async Task A_forged_forwarded_for_from_a_client_that_is_not_the_proxy_is_ignored()
    {
        const string forged = "203.0.113.9";
        // Directly to the app from 127.0.0.2: a client, not the configured proxy (127.0.0.1).
        using var direct = ClientFrom(IPAddress.Parse("127.0.0.2"), fixture.StrippingApp.Address);
        var directProbe = $"api/forwarded-probe-{Guid.NewGuid():N}";
        using (var request = new HttpRequestMessage(HttpMethod.Get, directProbe))
        {
            request.Headers.Add("X-Forwarded-For", forged);
            await direct.SendAsync(request);
        }
        var directLine = await fixture.StrippingApp.WaitForLogLineAsync(directProbe, TimeSpan.FromSeconds(10));
        Assert.EndsWith("from 127.0.0.2", directLine);

        // Through nginx: it appends the address it saw, and the app takes only the proxy's last entry.
        using var viaProxy = new HttpClient { BaseAddress = new Uri(fixture.Stripping.Address, NginxProxyFixture.SubPath) };
        var proxiedProbe = $"api/forwarded-probe-{Guid.NewGuid():N}";
        using (var request = new HttpRequestMessage(HttpMethod.Get, proxiedProbe))
        {
            request.Headers.Add("X-Forwarded-For", forged);
            await viaProxy.SendAsync(request);
        }
        var proxiedLine = await fixture.StrippingApp.WaitForLogLineAsync(proxiedProbe, TimeSpan.FromSeconds(10));
        Assert.EndsWith("from 127.0.0.1", proxiedLine);
        Assert.Contains($"/interpret/{proxiedProbe}", proxiedLine); // the forwarded prefix, as the app understood it
    }

    [Fact]
    public void The_published_folder_runs_without_the_sdk_and_reports_its_size_and_start()
    {
        // Both apps above run as `dotnet Explorer.App.dll` from the publish folder, in Production, from /tmp.
        var report = $"publish folder {fixture.PublishFolder}: {fixture.PublishBytes / 1_000_000.0:0} MB " +
                     $"(publish step {fixture.PublishTime.TotalSeconds:0.0} s, 0 when reused); first request served " +
                     $"{fixture.StrippingApp.StartupTime.TotalSeconds:0.0} s / {fixture.KeepingApp.StartupTime.TotalSeconds:0.0} s after process start";
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(fixture.RepoRoot, "test-results", NginxProxyFixture.ReportFile), report + "\n");
        Assert.True(File.Exists(Path.Combine(fixture.PublishFolder, "Explorer.App")), "the published folder has its apphost");
        Assert.True(Directory.Exists(Path.Combine(fixture.PublishFolder, "wwwroot", "_framework")) ||
                    File.Exists(Path.Combine(fixture.PublishFolder, "Explorer.App.staticwebassets.endpoints.json")),
            "the published folder carries its static web assets");
    }

    /// <summary>Neither Blazor's reconnect dialog nor its error strip shows; the degraded notice shows only when expected.</summary>
    static async Task AssertConnectedAsync(IPage page, bool degraded)
    {
        Assert.False(await page.Locator("#components-reconnect-modal").IsVisibleAsync(), "the reconnect dialog is showing");
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), "the error strip is showing");
        Assert.Equal(degraded, await page.Locator("#connection-degraded").IsVisibleAsync());
    }

    static HttpClient ClientFrom(IPAddress local, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = baseAddress };
}
