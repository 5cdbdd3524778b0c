using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Explorer.App.Hosting;

/// <summary>Says at start what an operator who opened the explorer to the network must still set.</summary>
public static class StartupChecks
{
    /// <summary>False (the caller exits with code 1) when Auth:Mode is Required but a setting it needs is missing:
    /// one line naming the keys, instead of a sign-in that fails for every user.</summary>
    public static bool AuthIsConfigured(this WebApplication app)
    {
        var missing = app.AuthSettings().MissingSettings().ToList();
        if (missing.Count == 0) return true;
        app.Logger.LogCritical("Not starting: Auth:Mode is Required but these settings are missing: {Missing}", string.Join(", ", missing));
        return false;
    }

    public static WebApplication WarnAboutExposure(this WebApplication app)
    {
        var signIn = app.AuthSettings().Enabled;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
            if (exposed.Count == 0) return;
            if (signIn)
                app.Logger.LogInformation("Listening on {Addresses} beyond this machine; sign-in is required (Auth:Mode=Required), AllowedHosts '{Hosts}'.",
                    string.Join(", ", exposed), app.Configuration["AllowedHosts"]);
            else
                app.Logger.LogWarning(
                    "Listening on {Addresses} beyond this machine WITHOUT sign-in (Auth:Mode is None): anyone who reaches it can use it. " +
                    "AllowedHosts is '{Hosts}': requests must name one of those hosts. Set AllowedHosts to the names users type, and " +
                    "turn on sign-in for a team (README, 'Sign-in and fair sharing').",
                    string.Join(", ", exposed), app.Configuration["AllowedHosts"]);
        });
        return app;
    }

    static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
