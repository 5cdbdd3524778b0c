using Explorer.App.Api.Docs;

namespace Explorer.App.Hosting;

/// <summary>The API's OpenAPI document at /openapi/v1.json (Microsoft.AspNetCore.OpenApi), generated at run time from
/// the mapped routes. It describes /api only, and is served to anyone without a rate limit: it holds no data and costs
/// no torch work, and a client needs it before it can sign in or call anything.</summary>
public static class OpenApiServices
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddExplorerOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            // Not the page, its static assets, /healthz or the API's own fallbacks (wrong verb, unknown path).
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Interpret Explorer API";
                document.Info.Description = "Predictions, gradient saliency maps and adversarial attacks for the explorer's models, "
                    + "as the same JSON records the page and batch mode use. Errors are ProblemDetails whose detail says what to change.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<ExampleTransformer>();
            options.AddOperationTransformer<ProblemDescriptionTransformer>();
        });
        return services;
    }

    public static WebApplication MapExplorerOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath.Replace("v1", "{documentName}")).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
