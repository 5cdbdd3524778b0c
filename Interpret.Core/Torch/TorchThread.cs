using System.Runtime.ExceptionServices;

namespace Interpret.Core.Torch;

/// <summary>
/// Runs one long torch job (batch mode) on a thread of its own, as the worker pool does for the API, and waits for it.
/// Measured on this 2-core machine under load: integrated gradients (50 steps) on the process's main thread took
/// ~1,000 ms a line with libtorch's 2 OpenMP threads (1 thread or OMP_WAIT_POLICY=PASSIVE: ~60–120 ms), and the same
/// work on a thread of its own ~50–90 ms, like the API's worker. It also leaves the main thread free to answer
/// Ctrl+C at once.
/// </summary>
public static class TorchThread
{
    public static T Run<T>(string name, Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        }) { Name = name };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
