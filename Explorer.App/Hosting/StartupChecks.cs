using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Explorer.App.Hosting;

/// <summary>Says at start what an operator who opened the explorer to the network must still set.</summary>
public static class StartupChecks
{
    public static WebApplication WarnAboutExposure(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
            if (exposed.Count == 0) return;
            app.Logger.LogWarning(
                "Listening on {Addresses} beyond this machine with AllowedHosts '{Hosts}': requests must name one of those hosts. " +
                "Set AllowedHosts to the names users type, and turn on sign-in for a team (README, 'Hosting for a team').",
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
