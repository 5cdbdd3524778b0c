using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Explorer.App.Tests;

/// <summary>Sign-in turned on the way a team does it (configuration only), with a symmetric test key for the API's
/// tokens and an OpenID Connect provider that is never called: its metadata is given, so no network is needed.</summary>
internal static class TestSignIn
{
    public const string Authority = "https://login.test";
    public const string Issuer = "https://login.test";
    public const string Audience = "interpret-explorer";
    public const string Key = "interpret-explorer-test-signing-key-not-for-production";

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:Mode", "Required");
        builder.UseSetting("Auth:Jwt:SigningKey", Key);
        builder.UseSetting("Auth:Jwt:Issuer", Issuer);
        builder.UseSetting("Auth:Jwt:Audience", Audience);
        builder.UseSetting("Auth:Oidc:Authority", Authority);
        builder.UseSetting("Auth:Oidc:ClientId", "explorer");
        builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
            o => o.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer, AuthorizationEndpoint = $"{Authority}/authorize" }));
    }

    /// <summary>A token for <paramref name="user"/>, valid for ten minutes unless <paramref name="expired"/>, signed with
    /// <paramref name="key"/> (default: the configured one).</summary>
    public static string Token(string user, bool expired = false, string key = Key)
    {
        var now = DateTime.UtcNow;
        var start = expired ? now.AddHours(-1) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("name", user)]),
            IssuedAt = start,
            NotBefore = start,
            Expires = expired ? now.AddMinutes(-10) : now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A client that does not follow redirects, sending <paramref name="user"/>'s token when given.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> app, string? user = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(user));
        return client;
    }
}
