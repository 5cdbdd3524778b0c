using Explorer.App.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Explorer.App.Api.Docs;

/// <summary>With sign-in on, the document says that every operation takes a JWT bearer token (as the API checks it), so
/// a client generated from it sends one; with sign-in off it claims nothing.</summary>
public sealed class BearerSecurityTransformer(IOptions<AuthOptions> auth) : IOpenApiDocumentTransformer
{
    const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (!auth.Value.Enabled) return Task.CompletedTask;
        document.AddComponent<IOpenApiSecurityScheme>(Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the team's identity provider (Auth:Jwt:Authority, audience Auth:Jwt:Audience).",
        });
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document, null)] = [] }];
        return Task.CompletedTask;
    }
}
