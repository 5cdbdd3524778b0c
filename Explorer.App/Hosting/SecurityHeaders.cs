using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Explorer.App.Hosting;

/// <summary>
/// The headers every answer carries. The Content-Security-Policy allows scripts only from this server, plus the one
/// inline script Blazor renders (the import map), by a nonce made per request; MudBlazor and Blazor set style
/// attributes, so styles allow inline. The SignalR circuit is same-origin (connect-src 'self' covers ws:).
/// </summary>
public static class SecurityHeaders
{
    const string NonceKey = "csp-nonce";

    /// <summary>This request's script nonce, for the page's inline import map.</summary>
    public static string? ScriptNonce(this HttpContext context) => context.Items[NonceKey] as string;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        if (options.HttpsRedirection) app.UseHttpsRedirection();
        app.Use((context, next) =>
        {
            // Hex: valid in a CSP nonce and left alone by the HTML encoder (which would escape base64's + and =).
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = string.Join("; ",
                "default-src 'self'",
                $"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                $"frame-ancestors {options.FrameAncestors}");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (options.FrameAncestors == "'none'") headers.XFrameOptions = "DENY";
            return next(context);
        });
        return app;
    }
}
