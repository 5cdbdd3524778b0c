using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Explorer.App.Hosting;

/// <summary>
/// Sign-in for a team (configuration section "Auth"; nothing is registered when it is off). One scheme picks per
/// request: a request with a bearer token, and every /api request, is checked as a JWT (an anonymous API call gets 401
/// ProblemDetails); anything else (the page, its SignalR hub) uses the sign-in cookie, whose challenge sends the
/// browser to the OpenID Connect provider. One policy, a signed-in user, covers the page, the hub and /api.
/// </summary>
public static class AuthServices
{
    public const string SignedInPolicy = "signed-in";
    const string PerRequestScheme = "bearer-or-cookie";

    public static IServiceCollection AddExplorerAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        services.Configure<AuthOptions>(section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        if (!auth.Enabled) return services;
        services.AddAuthentication(PerRequestScheme)
            .AddPolicyScheme(PerRequestScheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer(o => ConfigureJwt(o, auth.Jwt))
            .AddCookie(o =>
            {
                o.Cookie.Name = "explorer.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax; // Lax: the provider's redirect back must carry it
                o.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = auth.Oidc.Authority;
                o.ClientId = auth.Oidc.ClientId;
                o.ClientSecret = auth.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            });
        services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Authentication and authorization middleware, only when sign-in is on (so the desktop tool runs as before).</summary>
    public static WebApplication UseExplorerAuth(this WebApplication app)
    {
        if (!app.AuthSettings().Enabled) return app;
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Puts the endpoints behind the signed-in policy when sign-in is on.</summary>
    public static TBuilder RequireSignIn<TBuilder>(this TBuilder endpoints, WebApplication app) where TBuilder : IEndpointConventionBuilder =>
        app.AuthSettings().Enabled ? endpoints.RequireAuthorization(SignedInPolicy) : endpoints;

    public static AuthOptions AuthSettings(this WebApplication app) =>
        app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

    static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/api")
            ? JwtBearerDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;

    static void ConfigureJwt(JwtBearerOptions o, JwtAuthOptions jwt)
    {
        o.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        o.Audience = jwt.Audience;
        var validation = o.TokenValidationParameters;
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
            validation.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
        if (!string.IsNullOrWhiteSpace(jwt.Issuer)) validation.ValidIssuer = jwt.Issuer;
        else if (o.Authority is null) validation.ValidateIssuer = false; // a bare key: no issuer to compare with
        // The default challenge is an empty 401; API clients read ProblemDetails like every other error.
        o.Events = new JwtBearerEvents { OnChallenge = ApiChallenge.WriteAsync };
    }
}
