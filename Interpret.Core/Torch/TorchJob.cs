using System.Threading.Channels;

namespace Interpret.Core.Torch;

/// <summary>A queued or running torch job. Its results stream out as the job produces them; when the consumer
/// falls behind, older partial results are dropped (each result is a full snapshot), never the last one.</summary>
public sealed class TorchJob<T> : ITorchJob
{
    readonly Func<CancellationToken, IEnumerable<T>> _work;
    readonly Channel<T> _results = Channel.CreateBounded<T>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = true,
    });
    readonly CancellationToken _caller;
    readonly CancellationTokenSource _cancellation;
    readonly TorchWorkerPool _pool;
    CancellationTokenRegistration _withdrawOnCancel;

    internal TorchJob(TorchWorkerPool pool, Func<CancellationToken, IEnumerable<T>> work, CancellationToken cancellation, string? owner)
    {
        _pool = pool;
        Owner = owner;
        _work = work;
        _caller = cancellation;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    }

    /// <summary>Who queued it (a user or an address), for the pool's per-owner limit and turns; null: nobody in particular.</summary>
    public string? Owner { get; }

    LinkedListNode<ITorchJob>? ITorchJob.Node { get; set; }

    /// <summary>How many jobs run or wait before this one starts: 0 once it runs.</summary>
    public long QueuePosition => _pool.PositionOf(this);

    /// <summary>About how long until this job starts (see <see cref="TorchWorkerPool.EstimatedWait"/>); zero once it runs.</summary>
    public TimeSpan? EstimatedWait => _pool.EstimatedWait(QueuePosition);

    public void Cancel()
    {
        try { _cancellation.Cancel(); }
        catch (ObjectDisposedException) { } // the job has already ended
    }

    /// <summary>Each result as it comes; ends when the job ends, and throws what the job threw (including cancellation).</summary>
    public IAsyncEnumerable<T> Results(CancellationToken cancellation = default) => _results.Reader.ReadAllAsync(cancellation);

    internal void WatchCancellation() => _withdrawOnCancel = _cancellation.Token.Register(() =>
    {
        // A job cancelled while waiting leaves the queue now; one that runs stops between its steps.
        if (_pool.Withdraw(this)) _results.Writer.TryComplete(new OperationCanceledException(_cancellation.Token));
    });

    void ITorchJob.Run()
    {
        try
        {
            if (_pool.JobTimeout is { } limit) _cancellation.CancelAfter(limit);
            var token = _cancellation.Token;
            token.ThrowIfCancellationRequested();
            foreach (var item in _work(token))
            {
                _results.Writer.TryWrite(item);
                token.ThrowIfCancellationRequested();
            }
            _results.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (!_caller.IsCancellationRequested && _pool.JobTimeout is { } limit)
        {
            _results.Writer.TryComplete(new JobTimeoutException(limit));
        }
        catch (Exception e)
        {
            _results.Writer.TryComplete(e);
        }
        finally
        {
            _withdrawOnCancel.Dispose();
            _cancellation.Dispose();
        }
    }
}

internal interface ITorchJob
{
    string? Owner { get; }

    /// <summary>The job's place in the pool's queue while it waits; detached once a worker takes it.</summary>
    LinkedListNode<ITorchJob>? Node { get; set; }

    void Run();
}
