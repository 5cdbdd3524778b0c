namespace Explorer.App.Hosting;

/// <summary>Configuration section "Api": the HTTP JSON API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted, in bytes (HTTP 413 beyond it).</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Origins whose scripts may call the API from a browser (CORS), e.g. "https://wiki.example". Default none:
    /// only the explorer's own pages, curl and servers.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Per-client limits on the POST routes (429 with Retry-After beyond them).</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}
