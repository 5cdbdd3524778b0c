using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>dense → dropout → add the residual → LayerNorm: HuggingFace's <c>attention.output</c> and <c>output</c>.</summary>
public sealed class BertResidualOutput : Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006
    readonly Linear dense;
    readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006
    readonly Dropout dropout;

    public BertResidualOutput(int inputSize, BertConfig config) : base("output")
    {
        dense = Linear(inputSize, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        dropout = Dropout(config.HiddenDropout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor residual)
    {
        using var scope = NewDisposeScope();
        return LayerNorm.call(dropout.call(dense.call(input)).Plus(residual)).MoveToOuterDisposeScope();
    }
}
