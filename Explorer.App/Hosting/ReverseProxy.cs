using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Explorer.App.Hosting;

/// <summary>
/// Serving behind a reverse proxy, possibly at a sub-path. X-Forwarded-For, -Proto, -Host and -Prefix are applied
/// only when the connection comes from a configured proxy, so a client cannot choose its own address, scheme, host or
/// path base. A path base (Explorer:PathBase when the proxy keeps the prefix, X-Forwarded-Prefix when it strips it)
/// becomes Request.PathBase: the page's &lt;base href&gt;, its assets, the API and the SignalR hub all follow it.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProxyOptions>(configuration.GetSection(ExplorerOptions.Section));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, proxyOptions) =>
        {
            var proxy = proxyOptions.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto |
                                       ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            // Configuration is the whole truth: the defaults (loopback) are replaced, not added to.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            if (proxy.KnownProxies.Count == 0 && proxy.KnownNetworks.Count == 0)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }
        });
        // First in the list, so outermost: the host filter (AllowedHosts), which the web host adds by a startup filter
        // of its own, must see the host the user typed (X-Forwarded-Host), not the proxy's upstream name.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, ProxyFirst>());
        return services;
    }

    /// <summary>"/interpret" from "interpret", "/interpret/" or "/interpret"; null for none.</summary>
    public static PathString? NormalizedPathBase(string? configured)
    {
        var trimmed = configured?.Trim().Trim('/');
        return string.IsNullOrEmpty(trimmed) ? null : new PathString("/" + trimmed);
    }

    sealed class ProxyFirst(IOptions<ProxyOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            // Requests without the prefix still work at the root (health checks from the machine itself).
            if (NormalizedPathBase(options.Value.PathBase) is { } prefix) app.UsePathBase(prefix);
            next(app);
        };
    }
}
