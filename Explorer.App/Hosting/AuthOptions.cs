namespace Explorer.App.Hosting;

/// <summary>Configuration section "Auth": who may use the explorer. Off by default (the desktop tool on loopback);
/// a team turns it on in configuration only: OpenID Connect signs people in to the page, the HTTP API takes JWT bearer
/// tokens from the same identity provider, and one policy (a signed-in user) covers the page, its SignalR hub and /api.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary><see cref="AuthMode.None"/> (default): no sign-in. <see cref="AuthMode.Required"/>: every page, circuit
    /// and /api request needs a signed-in user; /healthz and static files stay open.</summary>
    public AuthMode Mode { get; set; } = AuthMode.None;

    public JwtAuthOptions Jwt { get; set; } = new();

    public OidcAuthOptions Oidc { get; set; } = new();

    public bool Enabled => Mode == AuthMode.Required;

    /// <summary>What a required sign-in still lacks, in configuration keys; empty when it can start.</summary>
    public IEnumerable<string> MissingSettings()
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(Jwt.Authority) && string.IsNullOrWhiteSpace(Jwt.SigningKey))
            yield return "Auth:Jwt:Authority (or Auth:Jwt:SigningKey)";
        if (string.IsNullOrWhiteSpace(Jwt.Audience)) yield return "Auth:Jwt:Audience";
        if (string.IsNullOrWhiteSpace(Oidc.Authority)) yield return "Auth:Oidc:Authority";
        if (string.IsNullOrWhiteSpace(Oidc.ClientId)) yield return "Auth:Oidc:ClientId";
    }
}

public enum AuthMode { None, Required }

/// <summary>"Auth:Jwt": bearer tokens for /api. Normally the identity provider's <see cref="Authority"/> (its signing
/// keys come from its metadata); a symmetric <see cref="SigningKey"/> with an <see cref="Issuer"/> serves tests and
/// setups without discovery.</summary>
public sealed class JwtAuthOptions
{
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    /// <summary>Expected issuer; default: the authority's (from its metadata), or any issuer with a SigningKey alone.</summary>
    public string? Issuer { get; set; }
    /// <summary>HMAC-SHA256 key as text (at least 32 characters). Prefer an authority in production.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>"Auth:Oidc": the page's sign-in (authorization code flow; the session is then a cookie).</summary>
public sealed class OidcAuthOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
}
