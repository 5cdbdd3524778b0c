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
    readonly CancellationTokenSource _cancellation;
    readonly TorchWorkerPool _pool;

    internal TorchJob(TorchWorkerPool pool, long ticket, Func<CancellationToken, IEnumerable<T>> work, CancellationToken cancellation)
    {
        _pool = pool;
        Ticket = ticket;
        _work = work;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    }

    public long Ticket { get; }

    /// <summary>How many jobs run or wait before this one starts: 0 once it runs.</summary>
    public long QueuePosition => Math.Max(0, Ticket - _pool.StartedTickets);

    public void Cancel() => _cancellation.Cancel();

    /// <summary>Each result as it comes; ends when the job ends, and throws what the job threw (including cancellation).</summary>
    public IAsyncEnumerable<T> Results(CancellationToken cancellation = default) => _results.Reader.ReadAllAsync(cancellation);

    void ITorchJob.Run()
    {
        try
        {
            var token = _cancellation.Token;
            token.ThrowIfCancellationRequested();
            foreach (var item in _work(token))
            {
                _results.Writer.TryWrite(item);
                token.ThrowIfCancellationRequested();
            }
            _results.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _results.Writer.TryComplete(e);
        }
        finally
        {
            _cancellation.Dispose();
        }
    }
}

internal interface ITorchJob
{
    long Ticket { get; }
    void Run();
}
