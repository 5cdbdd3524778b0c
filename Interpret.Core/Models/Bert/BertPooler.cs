using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>pooler</c>: tanh(dense) of the [CLS] position.</summary>
public sealed class BertPooler : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    readonly Linear dense;
#pragma warning restore IDE1006

    public BertPooler(BertConfig config) : base("pooler")
    {
        dense = Linear(config.HiddenSize, config.HiddenSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor lastHidden)
    {
        using var scope = NewDisposeScope();
        return tanh(dense.call(lastHidden[TensorIndex.Colon, 0])).MoveToOuterDisposeScope();
    }
}
