using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>intermediate</c>: the feed-forward's widening projection and exact (erf) GELU.</summary>
public sealed class BertIntermediate : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    readonly Linear dense;
#pragma warning restore IDE1006

    public BertIntermediate(BertConfig config) : base("intermediate")
    {
        dense = Linear(config.HiddenSize, config.IntermediateSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return functional.gelu(dense.call(hidden)).MoveToOuterDisposeScope();
    }
}
