using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Explorer.App.Api.Docs;

/// <summary>Writes a route's <see cref="ApiExample"/> into its operation: path parameter examples and the request
/// body's example, so a reader (or a tool such as a "try it" page) starts from a request that works.</summary>
public sealed class ExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>().FirstOrDefault();
        if (example is null) return Task.CompletedTask;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            if (parameter.Name is { } name && example.RouteValues.TryGetValue(name, out var value))
                parameter.Example = JsonValue.Create(value);
        if (example.Body is not null && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values.OfType<OpenApiMediaType>())
                media.Example = JsonNode.Parse(example.Body);
        return Task.CompletedTask;
    }
}
