using System.Diagnostics.Metrics;
using Interpret.Core.Torch;

namespace Explorer.App.Hosting;

/// <summary>
/// The explorer's own metrics (meter "Interpret.Explorer"): jobs waiting, job time per method, requests refused and
/// why, open circuits. Recorded always (cheap); exported only when Telemetry:Prometheus is on.
/// </summary>
public sealed class ExplorerMetrics : IDisposable
{
    public const string MeterName = "Interpret.Explorer";

    readonly Meter _meter;
    readonly Histogram<double> _jobSeconds;
    readonly Counter<long> _refused;
    readonly UpDownCounter<long> _circuits;

    public ExplorerMetrics(IMeterFactory meters, TorchWorkerPool pool)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("explorer.queue.waiting", () => pool.Waiting, "{job}", "Jobs waiting for a torch worker.");
        _jobSeconds = _meter.CreateHistogram<double>("explorer.job.duration", "s", "Time from queueing to the last result, per method.");
        _refused = _meter.CreateCounter<long>("explorer.requests.refused", "{request}", "Requests refused, by reason (queue-full, over-budget, timeout, …).");
        _circuits = _meter.CreateUpDownCounter<long>("explorer.circuits.open", "{circuit}", "Open Blazor circuits (explorer pages).");
    }

    public void JobFinished(string method, TimeSpan elapsed, string outcome) =>
        _jobSeconds.Record(elapsed.TotalSeconds, new("method", method), new("outcome", outcome));

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void Dispose() => _meter.Dispose();
}
