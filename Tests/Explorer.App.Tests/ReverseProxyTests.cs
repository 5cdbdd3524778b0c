using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Explorer.App.Tests;

/// <summary>Behind a reverse proxy at a sub-path: Explorer:PathBase (the proxy keeps the prefix) and X-Forwarded-Prefix
/// (it strips it) both become the page's base; forwarded headers count only from a known proxy (loopback by default),
/// and AllowedHosts judges the host the proxy forwarded. The connection's address is set the way Kestrel would.</summary>
[Collection(ExplorerCollection.Name)]
public sealed partial class ReverseProxyTests(ExplorerFactory factory)
{
    static readonly IPAddress Proxy = IPAddress.Loopback;
    static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.50");

    [Fact]
    public async Task The_configured_path_base_is_the_page_s_base_and_the_api_s_prefix()
    {
        var client = factory.CreateClient();

        var page = await client.GetStringAsync(ExplorerFactory.PathBase + "/");
        Assert.Equal("/interpret/", BaseHref(page));
        var models = await client.GetAsync(ExplorerFactory.PathBase + "/api/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        var unknown = await client.GetAsync(ExplorerFactory.PathBase + "/api/nothing");
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        // Without the prefix the app still answers at the root (checks from the machine itself).
        Assert.Equal("/", BaseHref(await client.GetStringAsync("/")));
    }

    [Fact]
    public async Task A_known_proxy_s_forwarded_prefix_is_the_page_s_base()
    {
        var context = await SendAsync(Proxy, "/", ("X-Forwarded-Prefix", "/team/interpret"));

        Assert.Equal("/team/interpret/", BaseHref(await BodyAsync(context)));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var context = await SendAsync(Stranger, "/",
            ("X-Forwarded-Prefix", "/elsewhere"), ("X-Forwarded-For", "198.51.100.7"), ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "evil.example"));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("/", BaseHref(await BodyAsync(context)));
        Assert.Equal(Stranger, context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
    }

    [Fact]
    public async Task A_known_proxy_s_forwarded_for_and_proto_are_the_client_s()
    {
        var context = await SendAsync(Proxy, "/healthz", ("X-Forwarded-For", "198.51.100.7"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(IPAddress.Parse("198.51.100.7"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Fact]
    public async Task AllowedHosts_judges_the_host_a_known_proxy_forwarded()
    {
        // The proxy talks to the app as localhost (allowed), the user typed a name AllowedHosts does not list.
        var context = await SendAsync(Proxy, "/healthz", ("X-Forwarded-Host", "evil.example"));

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    Task<HttpContext> SendAsync(IPAddress from, string path, params (string Name, string Value)[] headers) =>
        factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Request.Host = new HostString("localhost");
            foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        });

    static Task<string> BodyAsync(HttpContext context) => new StreamReader(context.Response.Body).ReadToEndAsync();

    static string BaseHref(string page) => BaseTag().Match(page) is { Success: true } m ? m.Groups[1].Value : "(no base tag)";

    [GeneratedRegex("<base href=\"([^\"]*)\"")]
    private static partial Regex BaseTag();
}
