using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Explorer.App.Api.Docs;

/// <summary>Replaces the generic reason phrase of each documented problem response ("Bad Request") with when the API
/// gives it (<see cref="ProblemResponses.When"/>).</summary>
public sealed class ProblemDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, response) in operation.Responses ?? [])
            if (int.TryParse(status, out var code) && ProblemResponses.When.TryGetValue(code, out var when) && response is OpenApiResponse concrete)
                concrete.Description = when;
        return Task.CompletedTask;
    }
}
