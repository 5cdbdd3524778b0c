using Explorer.App.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Explorer.App.Hosting;

/// <summary>Middleware and endpoints, in order.</summary>
public static class Pipeline
{
    public static WebApplication UseExplorerPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // API errors carry their own ProblemDetails; only pages get the not-found page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(context);
        });
        // wwwroot/ copied next to the app (app.css, favicon), before routing: in Development MapStaticAssets adds a
        // catch-all endpoint that would otherwise take these files and warn that they are not in its manifest.
        // Static web assets (_content/*, _framework/*, the scoped CSS bundle) are endpoints of MapStaticAssets.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapExplorerEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapExplorerApi();
        app.MapRazorComponents<Layout.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
