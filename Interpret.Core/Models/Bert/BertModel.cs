using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>HuggingFace's <c>bert</c> module: embeddings, the layer stack and, for classifiers, the [CLS] pooler.
/// Parameter names follow HuggingFace so checkpoints load by name.</summary>
public sealed class BertModel : Module
{
#pragma warning disable IDE1006
    readonly BertEmbeddings embeddings;
    readonly BertEncoderStack encoder;
    readonly BertPooler? pooler;
#pragma warning restore IDE1006

    public BertConfig Config { get; }

    public BertModel(BertConfig config, bool withPooler) : base("bert")
    {
        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoderStack(config);
        if (withPooler) pooler = new BertPooler(config);
        RegisterComponents();
    }

    public BertEmbeddings Embeddings => embeddings;

    /// <param name="ids">[batch, time] int64, right-padded</param>
    /// <param name="mask">[batch, time], nonzero on real tokens</param>
    /// <param name="tokenTypes">[batch, time] int64, or null for all zeros</param>
    public BertEncoding Encode(Tensor ids, Tensor mask, Tensor? tokenTypes = null, bool keepAll = false)
    {
        using var scope = NewDisposeScope();
        tokenTypes ??= zeros_like(ids);
        var hidden = embeddings.Embed(ids, tokenTypes);
        var keyBias = KeyBias(mask, hidden.dtype);
        var states = new List<Tensor>();
        var attentions = new List<Tensor>();
        if (keepAll) states.Add(hidden);
        foreach (var layer in encoder.Layers)
        {
            (hidden, var probabilities) = layer.Apply(hidden, keyBias);
            if (keepAll) { states.Add(hidden); attentions.Add(probabilities); }
        }
        foreach (var t in states.Concat(attentions).Append(hidden).Distinct()) t.MoveToOuterDisposeScope();
        return new BertEncoding(hidden, states, attentions);
    }

    /// <summary>tanh(dense(h[CLS])), [batch, hidden].</summary>
    public Tensor Pool(Tensor lastHidden) =>
        (pooler ?? throw new InvalidOperationException("This encoder was built without a pooler.")).call(lastHidden);

    /// <summary>HuggingFace's extended attention mask: (1 − mask) · dtype-min, broadcast over heads and queries.</summary>
    static Tensor KeyBias(Tensor mask, ScalarType dtype)
    {
        double min = dtype == ScalarType.Float64 ? double.MinValue : float.MinValue;
        return ((1.0 - mask.to_type(dtype)) * min).unsqueeze(1).unsqueeze(2);
    }
}
