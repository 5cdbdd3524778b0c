using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;

namespace Explorer.App.Hosting;

/// <summary>Metrics through OpenTelemetry: always recorded by <see cref="ExplorerMetrics"/>, exported to Prometheus at
/// /metrics only when Telemetry:Prometheus is on.</summary>
public static class TelemetryServices
{
    public static IServiceCollection AddExplorerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExplorerMetrics>();
        services.AddScoped<CircuitHandler, CircuitMetrics>();
        if (configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() is { Prometheus: true })
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(ExplorerMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapExplorerTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() is { Prometheus: true })
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
