using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Explorer.App.Hosting;

/// <summary>Counts open explorer pages (Blazor circuits) for <see cref="ExplorerMetrics"/>.</summary>
public sealed class CircuitMetrics(ExplorerMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
