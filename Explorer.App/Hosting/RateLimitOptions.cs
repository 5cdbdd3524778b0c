namespace Explorer.App.Hosting;

/// <summary>"Api:RateLimit": how often one client (signed-in user, else remote address) may POST to the API. A token
/// bucket: <see cref="Burst"/> requests at once, refilled at <see cref="RequestsPerMinute"/>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained rate per client; 0 turns the limit off.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Requests a client may send at once after a quiet spell.</summary>
    public int Burst { get; set; } = 30;
}
