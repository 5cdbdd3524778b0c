using Interpret.Results;

namespace Explorer.App.Hosting;

/// <summary>What the HTTP API needs: its options, ProblemDetails and the one JSON shape of the result records.</summary>
public static class ApiServices
{
    public static IServiceCollection AddExplorerApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddProblemDetails();
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
