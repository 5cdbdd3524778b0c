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

/// <summary><c>attention</c>: the heads (<c>self</c>) and their projection back (<c>output</c>).</summary>
public sealed class BertAttention : Module
{
#pragma warning disable IDE1006
    readonly BertSelfAttention self;
    readonly BertResidualOutput output;
#pragma warning restore IDE1006

    public BertAttention(BertConfig config) : base("attention")
    {
        self = new BertSelfAttention(config);
        output = new BertResidualOutput(config.HiddenSize, config);
        RegisterComponents();
    }

    public (Tensor Hidden, Tensor Probabilities) Apply(Tensor hidden, Tensor keyBias)
    {
        using var scope = NewDisposeScope();
        var (context, probabilities) = self.Attend(hidden, keyBias);
        return (output.call(context, hidden).MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }
}

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
