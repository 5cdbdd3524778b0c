using System.Net;
using Interpret.Core.Methods;
using Interpret.Core.Torch;
using Interpret.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Explorer.App.Tests;

/// <summary>One user cannot take the explorer from everyone else: per-user rate limits on the API, a per-user cap on
/// waiting jobs, and turns between users in the queue.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class FairSharingTests(ExplorerFactory factory)
{
    const string Endless = """{"steps": 100000, "chunk": 10}""";

    [Fact]
    public void Owners_take_turns_and_each_may_have_only_so_many_jobs_waiting()
    {
        using var pool = new TorchWorkerPool(workers: 1, threadsPerWorker: 1, queueCapacity: 8, maxWaitingPerOwner: 2);
        using var gate = new ManualResetEventSlim();
        var started = new List<string>();
        IEnumerable<int> Job(string name) { lock (started) started.Add(name); gate.Wait(TimeSpan.FromSeconds(30)); yield return 0; }
        try
        {
            var a1 = pool.Submit(_ => Job("a1"), owner: "a");
            SpinWait.SpinUntil(() => a1.QueuePosition == 0, TimeSpan.FromSeconds(10));
            var a2 = pool.Submit(_ => Job("a2"), owner: "a");
            var a3 = pool.Submit(_ => Job("a3"), owner: "a");
            var refused = Assert.Throws<TooManyWaitingJobsException>(() => pool.Submit(_ => Job("a4"), owner: "a"));
            Assert.Contains("2 jobs waiting", refused.Message);

            var b1 = pool.Submit(_ => Job("b1"), owner: "b");

            // b1 came last but starts next: a has a job running, b has none.
            Assert.Equal([2L, 3L, 1L], [a2.QueuePosition, a3.QueuePosition, b1.QueuePosition]);
        }
        finally
        {
            gate.Set();
        }
        SpinWait.SpinUntil(() => pool.Waiting == 0 && started.Count == 4, TimeSpan.FromSeconds(10));
        Assert.Equal(["a1", "b1", "a2", "a3"], started);
    }

    [Fact]
    public async Task A_user_over_the_rate_limit_gets_429_with_Retry_After_while_another_user_is_served()
    {
        await using var app = factory.WithWebHostBuilder(b =>
        {
            TestSignIn.Configure(b);
            b.UseSetting("Api:RateLimit:RequestsPerMinute", "1");
            b.UseSetting("Api:RateLimit:Burst", "2");
        });
        var a = TestSignIn.Client(app, "a");
        const string body = "{\"text\":\"fine\"}";
        for (var i = 0; i < 2; i++) await (await a.PostAsync(Api.Predict(), body)).ReadAsync<Prediction>();

        var limited = await a.PostAsync(Api.Predict(), body);
        Assert.Contains("Too many requests", await limited.ProblemAsync(HttpStatusCode.TooManyRequests));
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");

        // Reading the model list costs no torch work and is not limited; another user has their own allowance.
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/models")).StatusCode);
        await (await TestSignIn.Client(app, "b").PostAsync(Api.Predict(), body)).ReadAsync<Prediction>();
    }

    [Fact]
    public async Task A_user_who_floods_the_queue_is_refused_and_another_users_request_runs_before_their_waiting_jobs()
    {
        await using var app = factory.WithWebHostBuilder(b =>
        {
            TestSignIn.Configure(b);
            b.UseSetting("Explorer:QueueCapacity", "8");
            b.UseSetting("Explorer:MaxQueuedPerUser", "2");
            b.UseSetting("Explorer:JobTimeout", TimeSpan.FromMinutes(5).ToString());
            b.UseSetting("Explorer:MaxWorkPerRequest", "1000000000000"); // room for a's endless jobs; the test cancels them
        });
        var pool = app.Services.GetRequiredService<TorchWorkerPool>();
        var a = TestSignIn.Client(app, "a");
        // a's running job is one that waits on a gate, so nothing below depends on how long a job takes.
        using var gate = new ManualResetEventSlim();
        IEnumerable<int> Held() { gate.Wait(TimeSpan.FromMinutes(1)); yield return 0; }
        var held = pool.Submit(_ => Held(), owner: "user:a");
        SpinWait.SpinUntil(() => held.QueuePosition == 0, TimeSpan.FromSeconds(10));

        var flood = Api.Request("a gorgeous, witty and deeply moving film.", Endless);
        using var leave = new CancellationTokenSource();
        var waiting = Enumerable.Range(0, 2)
            .Select(_ => a.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), flood, leave.Token)).ToList();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => pool.Waiting == 2, TimeSpan.FromSeconds(30)), $"{pool.Waiting} jobs waiting");
            var refused = await a.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), flood);
            Assert.Contains("2 jobs waiting", await refused.ProblemAsync(HttpStatusCode.TooManyRequests));
            Assert.NotNull(refused.Headers.RetryAfter);

            // b came last but goes before a's waiting jobs: a has a job running, b has none. Had b been queued behind
            // them, it would have waited for an endless job, and that job's request would have ended first.
            var b = TestSignIn.Client(app, "b").PostAsync(Api.Predict(), "{\"text\":\"fine\"}");
            Assert.True(SpinWait.SpinUntil(() => pool.Waiting == 3, TimeSpan.FromSeconds(30)), $"{pool.Waiting} jobs waiting");
            gate.Set();
            await (await b).ReadAsync<Prediction>();
            Assert.All(waiting, request => Assert.False(request.IsCompleted));
        }
        finally
        {
            gate.Set();
            leave.Cancel();
        }
        foreach (var request in waiting)
            try { (await request).Dispose(); } catch (OperationCanceledException) { }
    }
}
