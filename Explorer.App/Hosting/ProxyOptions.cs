namespace Explorer.App.Hosting;

/// <summary>Configuration keys in section "Explorer" for serving behind a reverse proxy (README, "Hosting for a team").</summary>
public sealed class ProxyOptions
{
    /// <summary>The sub-path the app is served under when the proxy keeps it in the URL (e.g. "/interpret"). Empty:
    /// the root, or whatever the proxy sends as X-Forwarded-Prefix.</summary>
    public string? PathBase { get; set; }

    /// <summary>Addresses of the proxies whose X-Forwarded-* headers are believed (e.g. "10.0.0.5"). With neither this
    /// nor <see cref="KnownNetworks"/> set: loopback only (127.0.0.0/8 and ::1). Set, they replace loopback.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. "10.0.0.0/24").</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
