namespace Explorer.App.Api.Docs;

/// <summary>Endpoint metadata: one request that works against a shipped model, shown as the route's example in the
/// OpenAPI document (its route values as the path parameters' examples, its body as the request body's). The API tests
/// send every route's example and expect a 200.</summary>
public sealed record ApiExample(IReadOnlyDictionary<string, string> RouteValues, string? Body = null);
