using System.Threading.Channels;
using static TorchSharp.torch;

namespace Interpret.Core.Torch;

/// <summary>
/// Dedicated threads that run torch jobs. libtorch's thread settings, no_grad and dispose scopes are per OS
/// thread, so every job runs start to finish on one worker thread with no await inside; results flow out through
/// the job's channel. Workers × intra-op threads should not exceed the cores. Jobs beyond the running ones wait in
/// a bounded queue; a full queue rejects new jobs at once instead of letting them pile up.
/// </summary>
public sealed class TorchWorkerPool : IDisposable
{
    readonly Channel<ITorchJob> _queue;
    readonly Thread[] _threads;
    long _submitted;
    long _started;

    public TorchWorkerPool(int workers, int threadsPerWorker, int queueCapacity)
    {
        if (workers < 1 || threadsPerWorker < 1 || queueCapacity < 1)
            throw new ArgumentException("Workers, threads per worker and queue capacity must all be at least 1.");
        Workers = workers;
        ThreadsPerWorker = threadsPerWorker;
        QueueCapacity = queueCapacity;
        _queue = Channel.CreateBounded<ITorchJob>(new BoundedChannelOptions(queueCapacity) { SingleWriter = false });
        _threads = Enumerable.Range(0, workers).Select(i => new Thread(Work) { IsBackground = true, Name = $"torch-worker-{i}" }).ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    public int Workers { get; }
    public int ThreadsPerWorker { get; }
    public int QueueCapacity { get; }

    internal long StartedTickets => Interlocked.Read(ref _started);

    /// <summary>Jobs accepted but not yet started.</summary>
    public long Waiting => Interlocked.Read(ref _submitted) - StartedTickets;

    /// <summary>Queues a job; throws <see cref="QueueFullException"/> when the queue is full.</summary>
    public TorchJob<T> Submit<T>(Func<CancellationToken, IEnumerable<T>> work, CancellationToken cancellation = default)
    {
        lock (_queue)
        {
            var job = new TorchJob<T>(this, _submitted + 1, work, cancellation);
            if (!_queue.Writer.TryWrite(job))
                throw new QueueFullException($"The explorer is busy: {QueueCapacity} jobs are already waiting. Try again in a moment.");
            _submitted++;
            return job;
        }
    }

    void Work()
    {
        set_num_threads(ThreadsPerWorker);
        // A dedicated thread may block while it waits for work; it is not a thread-pool thread.
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (!_queue.Reader.TryRead(out var job)) continue;
            MarkStarted(job.Ticket);
            using var scope = NewDisposeScope();
            job.Run();
        }
    }

    /// <summary>Tickets leave the FIFO queue in order, so the highest started ticket tells every job its position.</summary>
    void MarkStarted(long ticket)
    {
        long seen;
        do { seen = Interlocked.Read(ref _started); }
        while (ticket > seen && Interlocked.CompareExchange(ref _started, ticket, seen) != seen);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(5));
    }
}
