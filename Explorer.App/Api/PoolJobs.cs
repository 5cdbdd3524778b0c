using System.Diagnostics;
using Explorer.App.Hosting;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;

namespace Explorer.App.Api;

/// <summary>Runs torch work on the worker pool from a request and waits for its final record.</summary>
public static class PoolJobs
{
    /// <summary>Queues the work for <paramref name="owner"/> (throws QueueFullException when the queue is full or the
    /// owner has its most jobs waiting) and returns the last record it yields. Cancelling — the client leaving —
    /// cancels the job between its chunks.</summary>
    public static async Task<T> RunToLastAsync<T>(this TorchWorkerPool pool, Func<CancellationToken, IEnumerable<T>> work,
        CancellationToken cancellation, string? owner = null) where T : class
    {
        var job = pool.Submit(work, cancellation, owner);
        T? last = null;
        await foreach (var item in job.Results(cancellation)) last = item;
        return last ?? throw new InvalidOperationException("The job ended without a result.");
    }

    /// <summary>The interpret and attack routes' shared work: read and parse the body, validate before queueing,
    /// check its cost against the budget, run the method on the pool and return its final record.</summary>
    public static async Task<T> RunMethodAsync<T>(this TorchWorkerPool pool, Predictor predictor, string method, HttpRequest request,
        long maxRequestBytes, WorkBudget budget, ExplorerMetrics metrics, CancellationToken cancellation) where T : class
    {
        var body = await RequestBody.ReadAsync(request, maxRequestBytes, cancellation);
        var methodRequest = RequestParser.Parse(body, method: method);
        MethodRunner.Validate(predictor, method, methodRequest, budget);
        var clock = Stopwatch.StartNew();
        var outcome = "failed";
        try
        {
            var result = await pool.RunToLastAsync(token => MethodRunner.Run(predictor, method, methodRequest, token, budget).Cast<T>(), cancellation,
                ClientKey.Of(request.HttpContext));
            outcome = "done";
            return result;
        }
        catch (OperationCanceledException) { outcome = "cancelled"; throw; }
        catch (JobTimeoutException) { outcome = "timeout"; throw; }
        catch (QueueFullException) { outcome = "refused"; throw; }
        finally
        {
            metrics.JobFinished(method, clock.Elapsed, outcome);
        }
    }
}
