using static TorchSharp.torch;

namespace Interpret.Core.Gradients;

/// <summary>
/// One forward hook on a model's token embedder, registered once and never removed, that hands the embedder's output
/// to whatever the <em>calling thread</em> is capturing. Registering a hook per call is not safe with several workers:
/// TorchSharp runs every hook registered on a module, so two jobs on one model would capture each other's tensors (and
/// adding a hook while another thread runs the module races on its hook list). Torch code never awaits, so the
/// forward pass, and the hook inside it, run on the thread that set the capture.
/// </summary>
public sealed class EmbeddingCapture
{
    [ThreadStatic] static Func<Tensor, Tensor>? _current;

    readonly object _gate = new();
    nn.Module<Tensor, Tensor>? _hooked;

    /// <summary>Registers the hook on <paramref name="embedder"/> the first time; call before any forward pass.</summary>
    public void Attach(nn.Module<Tensor, Tensor> embedder)
    {
        if (Volatile.Read(ref _hooked) is not null) return;
        lock (_gate)
        {
            if (_hooked is not null) return;
            embedder.register_forward_hook((_, _, output) => _current is { } capture ? capture(output) : output);
            Volatile.Write(ref _hooked, embedder);
        }
    }

    /// <summary>Until the returned scope is disposed, every embedder output on this thread goes through
    /// <paramref name="onOutput"/> (whose return value the model then uses).</summary>
    public static IDisposable Begin(Func<Tensor, Tensor> onOutput)
    {
        var previous = _current;
        _current = onOutput;
        return new Restore(previous);
    }

    sealed class Restore(Func<Tensor, Tensor>? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
