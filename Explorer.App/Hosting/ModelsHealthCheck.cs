using Interpret.Core.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Explorer.App.Hosting;

/// <summary>GET /healthz: ready once the catalog has loaded (it loads before the first request) with at least one
/// model; degraded (still 200) when some model folder failed to load.</summary>
public sealed class ModelsHealthCheck(ModelCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Models.Count == 0 ? HealthCheckResult.Unhealthy("No model is loaded.")
            : catalog.Unavailable.Count > 0 ? HealthCheckResult.Degraded($"{catalog.Unavailable.Count} model(s) failed to load")
            : HealthCheckResult.Healthy($"{catalog.Models.Count} models loaded"));
}
