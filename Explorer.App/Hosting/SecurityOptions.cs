namespace Explorer.App.Hosting;

/// <summary>Configuration section "Security": the headers every answer carries.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Content-Security-Policy frame-ancestors: which pages may show the explorer in a frame. Default
    /// 'none'; e.g. "'self' https://wiki.example" to embed it in a team wiki.</summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>Redirect http to https. Off by default: the desktop tool serves http on loopback, and behind a reverse
    /// proxy that ends TLS the proxy redirects. HSTS is sent on every https answer outside Development.</summary>
    public bool HttpsRedirection { get; set; }
}
