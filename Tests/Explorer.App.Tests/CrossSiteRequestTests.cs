using System.Net;
using System.Text;
using Interpret.Core.Methods;
using Microsoft.AspNetCore.Hosting;

namespace Explorer.App.Tests;

/// <summary>What stops another site from making the server work: JSON is required on every POST (a "simple" cross-site
/// request cannot declare it without a CORS preflight), CORS allows no origin unless configured, and the Host header
/// must name this machine (DNS rebinding).</summary>
[Collection(ExplorerCollection.Name)]
public sealed class CrossSiteRequestTests(ExplorerFactory factory)
{
    static readonly string[] PostRoutes =
    [
        Api.Predict(), Api.Interpret(MethodNames.SimpleGradient), Api.Attack(MethodNames.HotFlip),
        $"/api/models/{ExplorerFactory.BertModel}/attention",
    ];

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_post_not_declared_as_json_is_415_on_every_route(string? contentType)
    {
        var client = factory.CreateClient();
        foreach (var route in PostRoutes)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"input": {"text": "a fine film"}}"""));
            if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var detail = await (await client.PostAsync(route, content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("application/json", detail);
        }
    }

    [Fact]
    public async Task A_preflight_from_an_unlisted_origin_gets_no_cors_permission()
    {
        var response = await factory.CreateClient().SendAsync(Preflight("http://elsewhere.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_configured_origin_may_call_the_api()
    {
        await using var open = factory.WithWebHostBuilder(b => b.UseSetting("Api:AllowedOrigins:0", "https://wiki.example"));
        var response = await open.CreateClient().SendAsync(Preflight("https://wiki.example"));

        Assert.Equal("https://wiki.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_host_header_naming_another_machine_is_refused()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        request.Headers.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/models")).StatusCode); // localhost is allowed
    }

    static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Api.Predict());
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
