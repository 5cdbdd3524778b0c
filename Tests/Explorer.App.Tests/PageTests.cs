using System.Net;

namespace Explorer.App.Tests;

/// <summary>The pre-rendered page (the interactive circuit needs a browser) and the files it links to.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class PageTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Home_page_renders_the_app_shell_and_its_controls()
    {
        var response = await _client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Interpret Explorer</title>", html);
        Assert.Contains("mud-appbar", html);
        foreach (var id in new[] { "model-select", "input-text", "method-select", "option-steps", "option-chunk",
                     "run-button", "cancel-button", "progress", "result", "prediction", "theme-toggle" })
            Assert.Contains($"id=\"{id}\"", html);
        // Pre-rendered HTML is not interactive yet; the marker only appears once the circuit is up.
        Assert.DoesNotContain("id=\"interactive-ready\"", html);
        // The first example is filled in, and the demo model is picked.
        Assert.Contains("a gorgeous, witty and deeply moving film.", html);
        Assert.Contains("value=\"sentiment-sst2-bilstm\"", html);
        // The BiLSTM has no attention to show; the masked-LM hint is for masked LMs only.
        Assert.DoesNotContain("id=\"attention\"", html);
        Assert.DoesNotContain("id=\"input-hint\"", html);
        Assert.Contains("_framework/blazor.web", html);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", html);
        Assert.DoesNotContain("fonts.googleapis", html);
    }

    [Theory]
    [InlineData("/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/_content/Interpret.Components/Interpret.Components.bundle.scp.css", "text/css")]
    [InlineData("/Explorer.App.styles.css", "text/css")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    public async Task The_web_root_and_the_static_web_assets_are_served(string url, string type)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_is_404_with_the_not_found_page()
    {
        var response = await _client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no page here", await response.Content.ReadAsStringAsync());
    }
}
