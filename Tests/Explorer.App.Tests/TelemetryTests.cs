using System.Diagnostics;
using System.Net;
using Interpret.Core.Methods;
using Microsoft.AspNetCore.Hosting;

namespace Explorer.App.Tests;

/// <summary>Metrics through OpenTelemetry's Prometheus exporter: off by default; when on, /metrics carries the queue
/// length, job time per method and outcome, and refusals by reason.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class TelemetryTests(ExplorerFactory factory)
{
    [Fact]
    public async Task Metrics_are_not_served_unless_configured()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Prometheus_shows_jobs_per_method_and_refusals()
    {
        await using var observed = factory.WithWebHostBuilder(b => b.UseSetting("Telemetry:Prometheus", "true"));
        var client = observed.CreateClient();
        await (await client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), Api.Request("a fine film"))).ReadAsync<Interpret.Results.Interpretation>();
        await (await client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request("a gorgeous, witty and deeply moving film.", """{"steps": 100000}""")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var clock = Stopwatch.StartNew();
        string text;
        do
        {
            text = await client.GetStringAsync("/metrics");
            if (text.Contains("explorer_requests_refused") && text.Contains("explorer_job_duration")) break;
            await Task.Delay(200); // the exporter caches a scrape for a moment
        } while (clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Contains("explorer_queue_waiting", text);
        Assert.Matches("explorer_job_duration_seconds_count\\{[^}]*method=\"simple-gradient\"[^}]*outcome=\"done\"[^}]*\\} 1", text);
        Assert.Matches("explorer_requests_refused_total\\{[^}]*reason=\"over-budget\"[^}]*\\} 1", text);
    }
}
