namespace Explorer.App.Api;

/// <summary>Endpoint metadata marking the API's fallbacks (a wrong HTTP method, a path the API does not have): they
/// answer errors for routes, are not routes themselves, and so stay out of the OpenAPI document.</summary>
public sealed class FallbackEndpoint
{
    public static readonly FallbackEndpoint Instance = new();

    FallbackEndpoint() { }
}
