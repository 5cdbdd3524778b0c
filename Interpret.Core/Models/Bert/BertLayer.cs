using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>One transformer block (<c>encoder.layer.i</c>): self-attention with residual and LayerNorm, then an
/// exact-erf GELU feed-forward with residual and LayerNorm (post-norm, as BERT).</summary>
public sealed class BertLayer : Module
{
#pragma warning disable IDE1006
    readonly BertAttention attention;
    readonly BertIntermediate intermediate;
    readonly BertResidualOutput output;
#pragma warning restore IDE1006

    public BertLayer(BertConfig config) : base("layer")
    {
        attention = new BertAttention(config);
        intermediate = new BertIntermediate(config);
        output = new BertResidualOutput(config.IntermediateSize, config);
        RegisterComponents();
    }

    public (Tensor Hidden, Tensor Probabilities) Apply(Tensor hidden, Tensor keyBias)
    {
        using var scope = NewDisposeScope();
        var (attended, probabilities) = attention.Apply(hidden, keyBias);
        var result = output.call(intermediate.call(attended), attended);
        return (result.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }
}
