using Explorer.App.Api;

namespace Explorer.App.Hosting;

/// <summary>Middleware and endpoints, in order.</summary>
public static class Pipeline
{
    public static WebApplication UseExplorerPipeline(this WebApplication app)
    {
        // Forwarded headers and the path base come before all of this (ReverseProxy: a startup filter).
        app.UseClientAddressLog();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Under /api an error without a body (unknown path 404, wrong verb 405) becomes ProblemDetails, not a page.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        // wwwroot/ copied next to the app (app.css, favicon), before routing: in Development MapStaticAssets adds a
        // catch-all endpoint that would otherwise take these files and warn that they are not in its manifest.
        // Static web assets (_content/*, _framework/*, the scoped CSS bundle) are endpoints of MapStaticAssets.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseExplorerAuth();
        app.UseRateLimiter(); // after sign-in, so limits count per user
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapExplorerEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapExplorerApi().RequireSignIn(app);
        app.MapExplorerOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapExplorerTelemetry();
        // The one Content-Security-Policy (frame-ancestors included) comes from SecurityHeaders, not a second header.
        // With sign-in on, the policy covers the page and its SignalR hub (/_blazor); static assets and /healthz stay open.
        app.MapRazorComponents<Layout.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .RequireSignIn(app);
        return app;
    }
}
