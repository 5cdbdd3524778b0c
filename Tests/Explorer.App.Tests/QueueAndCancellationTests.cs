using System.Diagnostics;
using System.Net;
using Interpret.Core.Methods;
using Interpret.Core.Torch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Explorer.App.Tests;

[Collection(ExplorerCollection.Name)]
public sealed class QueueAndCancellationTests(ExplorerFactory factory)
{
    [Fact]
    public async Task A_full_queue_is_503_but_bad_input_is_still_400()
    {
        // A second explorer whose queue holds one job: occupy its worker and its queue slot with jobs that wait.
        await using var busy = factory.WithWebHostBuilder(b => b.UseSetting("Explorer:QueueCapacity", "1"));
        var client = busy.CreateClient();
        var pool = busy.Services.GetRequiredService<TorchWorkerPool>();
        using var gate = new ManualResetEventSlim();
        var running = pool.Submit(_ => Wait(gate));
        await WaitUntilAsync(() => running.QueuePosition == 0);
        var waiting = pool.Submit(_ => Wait(gate));
        try
        {
            var full = await client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), Api.Request("fine"));
            var detail = await full.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("busy", detail);
            Assert.True(full.Headers.RetryAfter is not null);

            // Validation happens before queueing, so bad input is not told to retry.
            await (await client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), Api.Request(""))).ProblemAsync(HttpStatusCode.BadRequest);
            // So does the cost check: a request over the work budget is refused, not queued or told to retry.
            var tooBig = await (await client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request("a gorgeous, witty and deeply moving film.", """{"steps": 100000}""")))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("Lower steps", tooBig);
        }
        finally
        {
            gate.Set();
        }
        await foreach (var _ in waiting.Results()) { }
        await (await client.PostAsync(Api.Predict(), "{\"text\":\"fine\"}")).ReadAsync<Interpret.Results.Prediction>();
    }

    [Fact]
    public async Task A_client_that_leaves_cancels_its_job()
    {
        // The request is far over the default work budget; this server has none, so only the client's leaving stops it.
        await using var unbounded = factory.WithWebHostBuilder(b => b.UseSetting("Explorer:MaxWorkPerRequest", long.MaxValue.ToString()));
        var client = unbounded.CreateClient();
        // 100,000 steps in chunks of 10 would keep the only worker busy for minutes.
        var endless = Api.Request("a gorgeous, witty and deeply moving film.", """{"steps": 100000, "chunk": 10}""");
        using var leave = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), endless, leave.Token));

        // The job stops at its next chunk, so a request queued behind it is answered promptly.
        var clock = Stopwatch.StartNew();
        await (await client.PostAsync(Api.Predict(), "{\"text\":\"fine\"}")).ReadAsync<Interpret.Results.Prediction>();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"predict waited {clock.Elapsed}");
    }

    [Fact]
    public async Task A_job_cancelled_while_it_waits_gives_its_place_back_at_once()
    {
        using var pool = new TorchWorkerPool(workers: 1, threadsPerWorker: 1, queueCapacity: 1);
        using var gate = new ManualResetEventSlim();
        try
        {
            var running = pool.Submit(_ => Wait(gate));
            await WaitUntilAsync(() => running.QueuePosition == 0);
            using var leaving = new CancellationTokenSource();
            var abandoned = pool.Submit(_ => Wait(gate), leaving.Token);
            Assert.Equal(1, abandoned.QueuePosition);
            Assert.Throws<QueueFullException>(() => pool.Submit(_ => Wait(gate)));

            leaving.Cancel();

            // The slot is free while the worker is still busy, and the abandoned job ends as cancelled.
            Assert.Equal(0, pool.Waiting);
            var next = pool.Submit(_ => Wait(gate));
            Assert.Equal(1, next.QueuePosition);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => { await foreach (var _ in abandoned.Results()) { } });
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task A_job_over_the_time_limit_is_stopped_and_says_so()
    {
        await using var strict = factory.WithWebHostBuilder(b => b
            .UseSetting("Explorer:JobTimeout", "00:00:00.5").UseSetting("Explorer:MaxWorkPerRequest", long.MaxValue.ToString()));
        var client = strict.CreateClient();
        var clock = Stopwatch.StartNew();
        var endless = Api.Request("a gorgeous, witty and deeply moving film.", """{"steps": 100000, "chunk": 10}""");

        var detail = await (await client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), endless)).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("stopped after running", detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the job ran {clock.Elapsed}");
        // The worker is free again.
        await (await client.PostAsync(Api.Predict(), "{\"text\":\"fine\"}")).ReadAsync<Interpret.Results.Prediction>();
    }

    [Fact]
    public async Task A_waiting_job_is_told_about_how_long_it_waits()
    {
        using var pool = new TorchWorkerPool(workers: 1, threadsPerWorker: 1, queueCapacity: 4);
        using var gate = new ManualResetEventSlim();
        Assert.Null(pool.TypicalJobTime); // nothing has run: no estimate to give

        await foreach (var _ in pool.Submit(_ => Sleep(300)).Results()) { }
        var typical = pool.TypicalJobTime!.Value;
        Assert.InRange(typical.TotalMilliseconds, 290, 5_000);

        var running = pool.Submit(_ => Wait(gate));
        await WaitUntilAsync(() => running.QueuePosition == 0);
        var first = pool.Submit(_ => Wait(gate));
        var second = pool.Submit(_ => Wait(gate));
        try
        {
            Assert.Equal(TimeSpan.Zero, running.EstimatedWait);
            Assert.Equal(typical, first.EstimatedWait);
            Assert.Equal(2 * typical, second.EstimatedWait);
        }
        finally
        {
            gate.Set();
        }
        await foreach (var _ in second.Results()) { }
    }

    static IEnumerable<int> Sleep(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        yield return 0;
    }

    [Fact]
    public async Task Jobs_that_finish_before_submit_returns_are_fine()
    {
        // A worker may take and finish a job before Submit returns (it disposes the job's token source when done);
        // thousands of instant jobs from several threads must all come back with their result.
        using var pool = new TorchWorkerPool(workers: 2, threadsPerWorker: 1, queueCapacity: 64);
        var submitters = Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 500; i++)
            {
                var job = pool.Submit(_ => new[] { i });
                int? last = null;
                await foreach (var value in job.Results()) last = value;
                Assert.Equal(i, last);
            }
        }));
        await Task.WhenAll(submitters);
    }

    static IEnumerable<int> Wait(ManualResetEventSlim gate)
    {
        gate.Wait(TimeSpan.FromSeconds(30));
        yield return 0;
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("The blocking job never started.");
            await Task.Delay(10);
        }
    }
}
