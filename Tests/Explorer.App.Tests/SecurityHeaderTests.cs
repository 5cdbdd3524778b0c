using System.Net;
using System.Text.RegularExpressions;

namespace Explorer.App.Tests;

/// <summary>Every answer carries the security headers; the page's one inline script (Blazor's import map) carries the
/// nonce its Content-Security-Policy allows, a new one per request. /healthz says the models are loaded.</summary>
[Collection(ExplorerCollection.Name)]
public sealed partial class SecurityHeaderTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/models")]
    [InlineData("/api/nothing")]
    [InlineData("/app.css")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await _client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}'(;|$)", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_import_map_carries_this_answer_s_nonce()
    {
        var nonces = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            var response = await _client.GetAsync("/");
            var nonce = NonceInPolicy().Match(Assert.Single(response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", page);
            Assert.DoesNotMatch("<script(?![^>]*(src=|nonce=))", page); // no other inline script
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task Healthz_is_healthy_once_models_are_loaded()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();
}
