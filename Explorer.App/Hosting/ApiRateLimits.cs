using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Explorer.App.Hosting;

/// <summary>Per-client rate limits on the API's POST routes (the ones that queue torch work), so one client's loop
/// cannot crowd out everyone else. Over the limit: 429 ProblemDetails with Retry-After. Clients that cannot be told
/// apart (<see cref="ClientKey"/> is null) are not limited here.</summary>
public static class ApiRateLimits
{
    public const string PerClientPolicy = "per-client";

    public static IServiceCollection AddExplorerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.RateLimit ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerClientPolicy, context => ClientKey.Of(context) is { } client && limits.RequestsPerMinute > 0
                ? RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, limits.Burst),
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limits.RequestsPerMinute,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = async (rejected, _) =>
            {
                rejected.HttpContext.RequestServices.GetRequiredService<ExplorerMetrics>().Refused("rate-limit");
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                        detail: $"Too many requests from you: at most {limits.RequestsPerMinute} a minute, {limits.Burst} at once. Try again in {seconds} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
