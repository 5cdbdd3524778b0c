namespace Explorer.App.Api;

/// <summary>The HTTP JSON API under /api. Every endpoint shares one error mapping (<see cref="ApiExceptionFilter"/>).</summary>
public static class ApiRoutes
{
    public static RouteGroupBuilder MapExplorerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiExceptionFilter>();
        api.MapModelEndpoints();
        api.MapInterpretEndpoints();
        api.MapAttackEndpoints();
        api.MapUnknownPaths();
        return api;
    }
}
