using Interpret.Results;

namespace Explorer.App.Hosting;

/// <summary>What the HTTP API needs: its options, ProblemDetails, CORS, per-client rate limits, the health check and the
/// one JSON shape of the result records.</summary>
public static class ApiServices
{
    public static IServiceCollection AddExplorerApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ApiOptions.Section);
        services.Configure<ApiOptions>(section);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddProblemDetails();
        // No origin by default: scripts on other sites cannot read answers, and with JSON required they cannot send
        // a request without a preflight either.
        var origins = section.Get<ApiOptions>()?.AllowedOrigins ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.WithOrigins([.. origins]).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization")));
        services.AddExplorerRateLimits(configuration);
        services.AddHealthChecks().AddCheck<ModelsHealthCheck>("models");
        // Responses must read exactly like ResultJson (batch JSONL, components): camelCase, nulls left out.
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ResultJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.DictionaryKeyPolicy = ResultJson.Options.DictionaryKeyPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = ResultJson.Options.DefaultIgnoreCondition;
        });
        return services;
    }
}
