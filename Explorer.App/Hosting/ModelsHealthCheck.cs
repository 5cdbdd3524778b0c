using Interpret.Core.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Explorer.App.Hosting;

/// <summary>GET /healthz: ready once the catalog has loaded (it loads before the first request) with at least one model.</summary>
public sealed class ModelsHealthCheck(ModelCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Models.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Models.Count} models loaded")
            : HealthCheckResult.Unhealthy("No model is loaded."));
}
