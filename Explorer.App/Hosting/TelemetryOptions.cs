namespace Explorer.App.Hosting;

/// <summary>Configuration section "Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve metrics (the explorer's own and ASP.NET Core's) in Prometheus' text format at /metrics. Off by
    /// default: the desktop tool has no one to scrape it.</summary>
    public bool Prometheus { get; set; }
}
