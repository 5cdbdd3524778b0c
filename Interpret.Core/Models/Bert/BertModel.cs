using Interpret.Core.Torch;
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
        var encoding = Layers(embeddings.Embed(ids, tokenTypes ?? zeros_like(ids)), mask, keepAll);
        return encoding.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Up to two fields as one sequence, as HuggingFace packs a pair: [CLS] a [SEP] b [SEP] with token types 0 then 1.
    /// Each field's word vectors are looked up by their own call of the word embedder (so gradients are captured per
    /// field); the fields are concatenated as they come, right-padded each, and the position ids skip the padding
    /// between them. With padding keys masked out this is the packed sequence exactly: every real token has the same
    /// position, type and visible keys.
    /// </summary>
    /// <param name="fields">per field [batch, time_f] ids and mask; field 0 starts with [CLS]</param>
    public BertEncoding EncodeFields(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields, bool keepAll = false)
    {
        if (fields.Count is < 1 or > 2) throw new ArgumentException($"BERT packs one or two fields, not {fields.Count}.", nameof(fields));
        using var scope = NewDisposeScope();
        var words = cat(fields.Select(f => embeddings.WordEmbeddings.call(f.Ids)).ToList(), 1);
        var mask = cat(fields.Select(f => f.Mask.to_type(ScalarType.Int64)).ToList(), 1);
        var types = cat(fields.Select((f, i) => HeldScalars.FullLike(f.Ids, i)).ToList(), 1);
        var positions = mask.cumsum(1).sub(HeldScalars.One).clamp_min(HeldScalars.Zero);
        var encoding = Layers(embeddings.Combine(words, types, positions), mask, keepAll);
        return encoding.MoveToOuterDisposeScope();
    }

    BertEncoding Layers(Tensor hidden, Tensor mask, bool keepAll)
    {
        using var scope = NewDisposeScope();
        var keyBias = KeyBias(mask, hidden.dtype);
        var states = new List<Tensor>();
        var attentions = new List<Tensor>();
        if (keepAll) states.Add(hidden);
        foreach (var layer in encoder.Layers)
        {
            (hidden, var probabilities) = layer.Apply(hidden, keyBias);
            if (keepAll) { states.Add(hidden); attentions.Add(probabilities); }
        }
        return new BertEncoding(hidden, states, attentions).MoveToOuterDisposeScope();
    }

    /// <summary>tanh(dense(h[CLS])), [batch, hidden].</summary>
    public Tensor Pool(Tensor lastHidden) =>
        (pooler ?? throw new InvalidOperationException("This encoder was built without a pooler.")).call(lastHidden);

    /// <summary>HuggingFace's extended attention mask: (1 − mask) · dtype-min, broadcast over heads and queries.</summary>
    static Tensor KeyBias(Tensor mask, ScalarType dtype)
    {
        double min = dtype == ScalarType.Float64 ? double.MinValue : float.MinValue;
        return mask.logical_not().to_type(dtype).Times(min).unsqueeze(1).unsqueeze(2);
    }
}
