namespace Interpret.Core.Diagnostics;

/// <summary>
/// A background thread that runs full garbage collections and finalizers back to back until disposed. Native objects
/// that TorchSharp wraps (Scalar, Tensor) are freed by their finalizers once unreachable, possibly while a native call
/// that was handed their pointer is still running; constant collections make such a use-after-free show up within
/// seconds instead of once in hours. For stress runs and tests only: it costs one core.
/// </summary>
public sealed class CollectorPressure : IDisposable
{
    readonly Thread _thread;
    volatile bool _stop;

    public CollectorPressure()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "gc-pressure" };
        _thread.Start();
    }

    /// <summary>Collections finished so far.</summary>
    public long Collections => Interlocked.Read(ref _collections);
    long _collections;

    void Run()
    {
        while (!_stop)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Interlocked.Increment(ref _collections);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
