using Microsoft.AspNetCore.Http.HttpResults;

namespace Explorer.App.Api;

/// <summary>Answers an API path asked with the wrong HTTP method (any verb, OPTIONS and made-up ones included) by 405
/// with Allow, and a path the API does not have by 404, both as ProblemDetails. Without these the page's catch-all
/// route would answer them.</summary>
public static class RouteMethods
{
    // Endpoints are ranked by order before route precedence: the route's own endpoint (order 0) wins for its verb,
    // the wrong-verb endpoint for every other verb, and the unknown-path catch-all only where no pattern matches.
    const int WrongVerbOrder = 1;
    const int UnknownPathOrder = 2;

    public static RouteGroupBuilder AllowOnly(this RouteGroupBuilder api, string pattern, string method)
    {
        // Mapped without verbs, so it matches every method, including ones no list could name.
        api.Map(pattern, (HttpContext context) =>
            {
                // The right verb lands here only when routing turned the route's own endpoint down for its body's
                // content type (its Accepts metadata, declared for the OpenAPI document): the same 415 it would give.
                if (HttpMethods.Equals(context.Request.Method, method)) throw new UnsupportedMediaTypeException(context.Request.ContentType);
                context.Response.Headers.Allow = method;
                return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                    detail: $"{context.Request.Path} answers {method} only, not {context.Request.Method}.");
            })
            .WithOrder(WrongVerbOrder).WithMetadata(FallbackEndpoint.Instance).ExcludeFromDescription();
        return api;
    }

    public static RouteGroupBuilder MapUnknownPaths(this RouteGroupBuilder api)
    {
        api.Map("/{**path}", (HttpContext context) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"The API has no route {context.Request.Path}. Its routes: GET /api/models, POST /api/models/{{model}}/predict, " +
                        "/attention, /interpret/{method} and /attack/{method}; their OpenAPI document: GET /openapi/v1.json."))
            .WithOrder(UnknownPathOrder).WithMetadata(FallbackEndpoint.Instance).ExcludeFromDescription();
        return api;
    }
}
