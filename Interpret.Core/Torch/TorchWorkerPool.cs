using static TorchSharp.torch;

namespace Interpret.Core.Torch;

/// <summary>
/// Dedicated threads that run torch jobs. libtorch's thread settings, no_grad and dispose scopes are per OS
/// thread, so every job runs start to finish on one worker thread with no await inside; results flow out through
/// the job's channel. Workers × intra-op threads should not exceed the cores. Jobs beyond the running ones wait in
/// a bounded FIFO queue: a full queue rejects new jobs at once instead of letting them pile up, and a job cancelled
/// while it waits (its client left) gives its place back at once.
/// </summary>
public sealed class TorchWorkerPool : IDisposable
{
    readonly LinkedList<ITorchJob> _waiting = new();
    readonly Thread[] _threads;
    long _tickets;
    bool _closed;

    /// <param name="jobTimeout">Longest a job may run once started; it is then cancelled and ends with
    /// <see cref="JobTimeoutException"/>. Null: no limit.</param>
    public TorchWorkerPool(int workers, int threadsPerWorker, int queueCapacity, TimeSpan? jobTimeout = null)
    {
        if (workers < 1 || threadsPerWorker < 1 || queueCapacity < 1)
            throw new ArgumentException("Workers, threads per worker and queue capacity must all be at least 1.");
        if (jobTimeout <= TimeSpan.Zero) throw new ArgumentException("The job timeout must be positive.");
        Workers = workers;
        ThreadsPerWorker = threadsPerWorker;
        QueueCapacity = queueCapacity;
        JobTimeout = jobTimeout;
        _threads = Enumerable.Range(0, workers).Select(i => new Thread(Work) { IsBackground = true, Name = $"torch-worker-{i}" }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    public int Workers { get; }
    public int ThreadsPerWorker { get; }
    public int QueueCapacity { get; }
    public TimeSpan? JobTimeout { get; }

    /// <summary>Jobs accepted but not yet started.</summary>
    public int Waiting { get { lock (_waiting) return _waiting.Count; } }

    /// <summary>Queues a job; throws <see cref="QueueFullException"/> when the queue is full.</summary>
    public TorchJob<T> Submit<T>(Func<CancellationToken, IEnumerable<T>> work, CancellationToken cancellation = default)
    {
        TorchJob<T> job;
        lock (_waiting)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_waiting.Count >= QueueCapacity)
                throw new QueueFullException($"The explorer is busy: {QueueCapacity} jobs are already waiting. Try again in a moment.");
            job = new TorchJob<T>(this, ++_tickets, work, cancellation);
            ((ITorchJob)job).Node = _waiting.AddLast(job);
            Monitor.Pulse(_waiting);
        }
        // Outside the lock: a token that is already cancelled runs the callback (Withdraw) right here.
        job.WatchCancellation();
        return job;
    }

    /// <summary>How many jobs wait before this one, plus one for the start it waits for; 0 once it runs.</summary>
    internal long PositionOf(ITorchJob job)
    {
        lock (_waiting)
        {
            if (job.Node?.List is null) return 0;
            long ahead = 1;
            for (var node = job.Node.Previous; node is not null; node = node.Previous) ahead++;
            return ahead;
        }
    }

    /// <summary>Takes a cancelled job out of the queue if no worker has started it; true when it was taken.</summary>
    internal bool Withdraw(ITorchJob job)
    {
        lock (_waiting)
        {
            if (job.Node?.List is null) return false;
            _waiting.Remove(job.Node);
            return true;
        }
    }

    void Work()
    {
        set_num_threads(ThreadsPerWorker);
        while (Next() is { } job)
        {
            using var scope = NewDisposeScope();
            job.Run();
        }
    }

    ITorchJob? Next()
    {
        lock (_waiting)
        {
            while (_waiting.Count == 0 && !_closed) Monitor.Wait(_waiting);
            if (_waiting.First is not { } first) return null;
            _waiting.RemoveFirst();
            return first.Value;
        }
    }

    public void Dispose()
    {
        lock (_waiting)
        {
            _closed = true;
            Monitor.PulseAll(_waiting);
        }
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(5));
    }
}
