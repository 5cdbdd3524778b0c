using Microsoft.AspNetCore.Http.HttpResults;

namespace Explorer.App.Api;

/// <summary>Answers an API path asked with the wrong HTTP method by 405 with Allow, and a path the API does not have
/// by 404, both as ProblemDetails. Without these the page's catch-all route would answer them.</summary>
public static class RouteMethods
{
    static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    public static RouteGroupBuilder AllowOnly(this RouteGroupBuilder api, string pattern, string method)
    {
        api.MapMethods(pattern, Methods.Where(m => m != method && !(method == "GET" && m == "HEAD")), (HttpContext context) =>
        {
            context.Response.Headers.Allow = method;
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"{context.Request.Path} answers {method} only, not {context.Request.Method}.");
        });
        return api;
    }

    public static RouteGroupBuilder MapUnknownPaths(this RouteGroupBuilder api)
    {
        api.Map("/{**path}", (HttpContext context) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"The API has no route {context.Request.Path}. Its routes: GET /api/models, POST /api/models/{{model}}/predict, " +
                    "/attention, /interpret/{method} and /attack/{method}."));
        return api;
    }
}
