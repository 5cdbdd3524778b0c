using Explorer.App.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Explorer.App.Tests;

/// <summary>The API's routes as the running app maps them (its endpoint data source), fallbacks left out, so tests
/// over "every route" also cover a route added later.</summary>
internal static class ApiEndpoints
{
    /// <summary>(HTTP method, route pattern) of every /api endpoint; "*" for an endpoint that takes any method.</summary>
    public static IReadOnlyList<(string Method, string Pattern)> Routes(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api") == true && e.Metadata.GetMetadata<FallbackEndpoint>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct(),
    ];
}
