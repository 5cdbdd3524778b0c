using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>cls.predictions.transform</c>.</summary>
public sealed class BertMlmTransform : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006
    readonly Linear dense;
    readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006

    public BertMlmTransform(BertConfig config) : base("transform")
    {
        dense = Linear(config.HiddenSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return LayerNorm.call(functional.gelu(dense.call(hidden))).MoveToOuterDisposeScope();
    }
}
