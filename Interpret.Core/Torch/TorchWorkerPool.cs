using System.Diagnostics;
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
/// the owner with the fewest jobs running and, among those, the one whose last start is longest ago, so one owner's
/// flood waits behind everyone else's next job instead of ahead of it. Jobs without an owner share one turn, first
/// in, first out.</para>
/// </summary>
public sealed class TorchWorkerPool : IDisposable
{
    readonly LinkedList<ITorchJob> _waiting = new();
    /// <summary>Per owner that has a job running or waiting since its last start: jobs running and when (in starts)
    /// its last job started. Guarded by the <see cref="_waiting"/> lock.</summary>
    readonly Dictionary<string, Turns> _turns = [];
    long _starts;
    readonly Thread[] _threads;
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
            job = new TorchJob<T>(this, work, cancellation, owner);
            // Before the job is visible to a worker, which may run it at once and dispose its token source. A token
            // already cancelled runs the callback here (the lock is re-entrant); the job is not queued yet, so the
            // worker finds it cancelled and ends it.
            job.WatchCancellation();
            ((ITorchJob)job).Node = _waiting.AddLast(job);
            Monitor.Pulse(_waiting);
        }
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
            var turns = new Dictionary<string, Turns>(_turns);
            var starts = _starts;
            long position = 1;
            for (var next = NextTurn(waiting, turns, ref starts); next != job; next = NextTurn(waiting, turns, ref starts)) position++;
            return position;
        }
    }

    /// <summary>Takes the job whose turn it is out of <paramref name="waiting"/> and counts it as started: the oldest
    /// job of the owner with the fewest jobs running, then the longest since its last start.</summary>
    static ITorchJob NextTurn(List<ITorchJob> waiting, Dictionary<string, Turns> turns, ref long starts)
    {
        var next = waiting.MinBy(j => turns.GetValueOrDefault(OwnerKey(j)))!; // MinBy keeps the oldest of equals
        waiting.Remove(next);
        var owner = turns.GetValueOrDefault(OwnerKey(next));
        turns[OwnerKey(next)] = new Turns(owner.Running + 1, ++starts);
        return next;
    }

    /// <summary>Compared as (running, last start): fewer running first, then the longer ago.</summary>
    readonly record struct Turns(int Running, long LastStart) : IComparable<Turns>
    {
        public int CompareTo(Turns other) => (Running, LastStart).CompareTo((other.Running, other.LastStart));
    }

    static string OwnerKey(ITorchJob job) => job.Owner ?? "";

    /// <summary>Takes a cancelled job out of the queue if no worker has started it; true when it was taken.</summary>
    internal bool Withdraw(ITorchJob job)
    {
        lock (_waiting)
        {
            if (job.Node?.List is null) return false;
            _waiting.Remove(job.Node);
            ForgetIfIdle(OwnerKey(job));
            return true;
        }
    }

    void Work()
    {
        set_num_threads(ThreadsPerWorker);
        while (Next() is { } job)
        {
            long started = Stopwatch.GetTimestamp();
            using (NewDisposeScope()) job.Run();
            Finished(job, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>A moving average of how long the last jobs ran (each new one weighs a fifth); null before the first.
    /// Gives a waiting job its estimated wait.</summary>
    public TimeSpan? TypicalJobTime { get { lock (_waiting) return _typicalSeconds is { } s ? TimeSpan.FromSeconds(s) : null; } }

    double? _typicalSeconds;

    /// <summary>About how long until a job at <paramref name="position"/> starts: the jobs before it, shared by the
    /// workers, at the typical job time. Null while nothing has run yet.</summary>
    public TimeSpan? EstimatedWait(long position) =>
        position <= 0 ? TimeSpan.Zero : TypicalJobTime * Math.Ceiling((double)position / Workers);

    ITorchJob? Next()
    {
        lock (_waiting)
        {
            while (_waiting.Count == 0 && !_closed) Monitor.Wait(_waiting);
            if (_waiting.Count == 0) return null;
            var next = NextTurn([.. _waiting], _turns, ref _starts);
            _waiting.Remove(next.Node!);
            return next;
        }
    }

    void Finished(ITorchJob job, TimeSpan ran)
    {
        lock (_waiting)
        {
            _typicalSeconds = _typicalSeconds is { } typical ? typical + (ran.TotalSeconds - typical) / 5 : ran.TotalSeconds;
            var key = OwnerKey(job);
            _turns[key] = _turns[key] with { Running = _turns[key].Running - 1 };
            ForgetIfIdle(key);
        }
    }

    /// <summary>An owner with nothing running or waiting is forgotten (it comes back as a newcomer), so the turns
    /// remember only owners who use the pool now. Call under the lock.</summary>
    void ForgetIfIdle(string owner)
    {
        if (_turns.TryGetValue(owner, out var turns) && turns.Running == 0 && !_waiting.Any(j => OwnerKey(j) == owner))
            _turns.Remove(owner);
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
