using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

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
