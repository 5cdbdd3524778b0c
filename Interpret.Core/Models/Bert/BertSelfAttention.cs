using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>Multi-head scaled dot-product self-attention (<c>attention.self</c>). Masked keys get an additive
/// dtype-minimum, as HuggingFace does, so their probability is exactly 0 and padded rows still match.</summary>
public sealed class BertSelfAttention : Module
{
#pragma warning disable IDE1006
    readonly Linear query, key, value;
#pragma warning restore IDE1006
    readonly Dropout dropout;
    readonly int _heads, _headSize;

    public BertSelfAttention(BertConfig config) : base("self")
    {
        query = Linear(config.HiddenSize, config.HiddenSize);
        key = Linear(config.HiddenSize, config.HiddenSize);
        value = Linear(config.HiddenSize, config.HiddenSize);
        dropout = Dropout(config.AttentionDropout);
        _heads = config.Heads;
        _headSize = config.HeadSize;
        RegisterComponents();
    }

    /// <param name="hidden">[batch, time, hidden]</param>
    /// <param name="keyBias">[batch, 1, 1, time]: 0 on real keys, the dtype's minimum on padding</param>
    /// <returns>context [batch, time, hidden] and probabilities [batch, heads, time, time]</returns>
    public (Tensor Context, Tensor Probabilities) Attend(Tensor hidden, Tensor keyBias)
    {
        using var scope = NewDisposeScope();
        var q = SplitHeads(query.call(hidden));
        var k = SplitHeads(key.call(hidden));
        var v = SplitHeads(value.call(hidden));
        var scores = matmul(q, k.transpose(-1, -2)).DividedBy(Math.Sqrt(_headSize)).Plus(keyBias);
        var probabilities = functional.softmax(scores, -1);
        var context = matmul(dropout.call(probabilities), v).permute(0, 2, 1, 3).contiguous();
        context = context.view(context.shape[0], context.shape[1], _heads * _headSize);
        return (context.MoveToOuterDisposeScope(), probabilities.MoveToOuterDisposeScope());
    }

    Tensor SplitHeads(Tensor x) => x.view(x.shape[0], x.shape[1], _heads, _headSize).permute(0, 2, 1, 3);
}
