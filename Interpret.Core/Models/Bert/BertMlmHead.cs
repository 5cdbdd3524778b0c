using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>cls.predictions</c>: dense → GELU → LayerNorm, then the tied decoder plus its own bias.</summary>
public sealed class BertMlmHead : Module
{
#pragma warning disable IDE1006
    readonly BertMlmTransform transform;
    readonly Parameter bias;
#pragma warning restore IDE1006

    public BertMlmHead(BertConfig config) : base("predictions")
    {
        transform = new BertMlmTransform(config);
        bias = new Parameter(zeros(config.VocabularySize));
        RegisterComponents();
    }

    public Tensor Logits(Tensor hidden, Tensor wordEmbeddings)
    {
        using var scope = NewDisposeScope();
        return functional.linear(transform.call(hidden), wordEmbeddings, bias).MoveToOuterDisposeScope();
    }
}
