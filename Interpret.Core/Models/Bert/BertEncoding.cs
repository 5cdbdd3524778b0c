using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert;

/// <summary>An encoder's output. <see cref="HiddenStates"/> (embeddings output, then each layer's) and
/// <see cref="Attentions"/> ([batch, heads, query, key] per layer) are filled only when asked for.</summary>
public sealed record BertEncoding(Tensor LastHidden, IReadOnlyList<Tensor> HiddenStates, IReadOnlyList<Tensor> Attentions) : IDisposable
{
    public void Dispose()
    {
        LastHidden.Dispose();
        foreach (var t in HiddenStates) t.Dispose();
        foreach (var t in Attentions) t.Dispose();
    }
}
