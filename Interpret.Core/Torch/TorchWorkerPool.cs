using static TorchSharp.torch;

namespace Interpret.Core.Torch;

/// <summary>
/// Dedicated threads that run torch jobs. libtorch's thread settings, no_grad and dispose scopes are per OS
/// thread, so every job runs start to finish on one worker thread with no await inside; results flow out through
/// the job's channel. Workers × intra-op threads should not exceed the cores. Jobs beyond the running ones wait in
/// a bounded queue: a full queue rejects new jobs at once instead of letting them pile up, and a job cancelled
/// while it waits (its client left) gives its place back at once.
/// <para>Sharing: a job may name its owner (a user or an address; any string). Each owner may have at most
/// <see cref="MaxWaitingPerOwner"/> jobs waiting, and owners take turns: the next job to start is the oldest one of
/// the owner with the fewest jobs running, so one owner's flood waits behind everyone else's next job instead of
/// ahead of it. Jobs without an owner share one turn, first in, first out.</para>
/// </summary>
public sealed class TorchWorkerPool : IDisposable
{
    readonly LinkedList<ITorchJob> _waiting = new();
    /// <summary>Jobs running per owner (owners with none are left out); guarded by the <see cref="_waiting"/> lock.</summary>
    readonly Dictionary<string, int> _running = [];
    readonly Thread[] _threads;
    long _tickets;
    bool _closed;

    /// <param name="jobTimeout">Longest a job may run once started; it is then cancelled and ends with
    /// <see cref="JobTimeoutException"/>. Null: no limit.</param>
    /// <param name="maxWaitingPerOwner">Most jobs one owner may have waiting; null: only the queue capacity limits.</param>
    public TorchWorkerPool(int workers, int threadsPerWorker, int queueCapacity, TimeSpan? jobTimeout = null, int? maxWaitingPerOwner = null)
    {
        if (workers < 1 || threadsPerWorker < 1 || queueCapacity < 1 || maxWaitingPerOwner < 1)
            throw new ArgumentException("Workers, threads per worker, queue capacity and jobs per owner must all be at least 1.");
        if (jobTimeout <= TimeSpan.Zero) throw new ArgumentException("The job timeout must be positive.");
        Workers = workers;
        ThreadsPerWorker = threadsPerWorker;
        QueueCapacity = queueCapacity;
        JobTimeout = jobTimeout;
        MaxWaitingPerOwner = maxWaitingPerOwner;
        _threads = Enumerable.Range(0, workers).Select(i => new Thread(Work) { IsBackground = true, Name = $"torch-worker-{i}" }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    public int Workers { get; }
    public int ThreadsPerWorker { get; }
    public int QueueCapacity { get; }
    public TimeSpan? JobTimeout { get; }
    public int? MaxWaitingPerOwner { get; }

    /// <summary>Jobs accepted but not yet started.</summary>
    public int Waiting { get { lock (_waiting) return _waiting.Count; } }

    /// <summary>Queues a job for <paramref name="owner"/> (null: no owner); throws <see cref="QueueFullException"/>
    /// when the queue is full, <see cref="TooManyWaitingJobsException"/> when the owner has its most jobs waiting.</summary>
    public TorchJob<T> Submit<T>(Func<CancellationToken, IEnumerable<T>> work, CancellationToken cancellation = default, string? owner = null)
    {
        TorchJob<T> job;
        lock (_waiting)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (owner is not null && MaxWaitingPerOwner is { } most && _waiting.Count(j => j.Owner == owner) >= most)
                throw new TooManyWaitingJobsException(most);
            if (_waiting.Count >= QueueCapacity)
                throw new QueueFullException($"The explorer is busy: {QueueCapacity} jobs are already waiting. Try again in a moment.");
            job = new TorchJob<T>(this, ++_tickets, work, cancellation, owner);
            ((ITorchJob)job).Node = _waiting.AddLast(job);
            Monitor.Pulse(_waiting);
        }
        // Outside the lock: a token that is already cancelled runs the callback (Withdraw) right here.
        job.WatchCancellation();
        return job;
    }

    /// <summary>How many jobs start before this one, plus one for the start it waits for; 0 once it runs. Plays the
    /// turns forward from now, as if no running job ended before this one starts.</summary>
    internal long PositionOf(ITorchJob job)
    {
        lock (_waiting)
        {
            if (job.Node?.List is null) return 0;
            var waiting = _waiting.ToList();
            var running = new Dictionary<string, int>(_running);
            long position = 1;
            for (var next = NextTurn(waiting, running); next != job; next = NextTurn(waiting, running)) position++;
            return position;
        }
    }

    /// <summary>Takes the job whose turn it is out of <paramref name="waiting"/> and counts it as running: the oldest
    /// job of the owner with the fewest jobs running.</summary>
    static ITorchJob NextTurn(List<ITorchJob> waiting, Dictionary<string, int> running)
    {
        var next = waiting.MinBy(j => running.GetValueOrDefault(OwnerKey(j)))!; // MinBy keeps the first of equals
        waiting.Remove(next);
        running[OwnerKey(next)] = running.GetValueOrDefault(OwnerKey(next)) + 1;
        return next;
    }

    static string OwnerKey(ITorchJob job) => job.Owner ?? "";

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
            using (NewDisposeScope()) job.Run();
            Finished(job);
        }
    }

    ITorchJob? Next()
    {
        lock (_waiting)
        {
            while (_waiting.Count == 0 && !_closed) Monitor.Wait(_waiting);
            if (_waiting.Count == 0) return null;
            var next = NextTurn([.. _waiting], _running);
            _waiting.Remove(next.Node!);
            return next;
        }
    }

    void Finished(ITorchJob job)
    {
        lock (_waiting)
        {
            var key = OwnerKey(job);
            if (--_running[key] == 0) _running.Remove(key);
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
