using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert;

/// <summary>An encoder's output. <see cref="HiddenStates"/> (embeddings output, then each layer's) and
/// <see cref="Attentions"/> ([batch, heads, query, key] per layer) are filled only when asked for.</summary>
public sealed record BertEncoding(Tensor LastHidden, IReadOnlyList<Tensor> HiddenStates, IReadOnlyList<Tensor> Attentions) : IDisposable
{
    /// <summary>Moves every tensor (each once: the last hidden state may also be the last of the states) out of the
    /// current dispose scope.</summary>
    public BertEncoding MoveToOuterDisposeScope()
    {
        foreach (var t in HiddenStates.Concat(Attentions).Append(LastHidden).Distinct()) t.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        LastHidden.Dispose();
        foreach (var t in HiddenStates) t.Dispose();
        foreach (var t in Attentions) t.Dispose();
    }
}
