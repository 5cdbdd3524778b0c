using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>HuggingFace's <c>BertForMaskedLM</c>: the encoder and <c>cls.predictions</c>, whose decoder is tied to
/// the word embeddings (so the checkpoint's <c>decoder.weight</c> / <c>decoder.bias</c> are not separate parameters).</summary>
public sealed class BertForMaskedLm : Module, ITokenEmbeddingModel
{
#pragma warning disable IDE1006
    readonly BertModel bert;
    readonly BertMlmHeadHolder cls;
#pragma warning restore IDE1006

    public BertConfig Config { get; }

    public BertForMaskedLm(BertConfig config) : base("BertForMaskedLM")
    {
        Config = config;
        bert = new BertModel(config, withPooler: false);
        cls = new BertMlmHeadHolder(config);
        RegisterComponents();
    }

    public BertModel Bert => bert;

    public Module<Tensor, Tensor> TokenEmbedder => bert.Embeddings.WordEmbeddings;

    public Tensor EmbeddingMatrix => bert.Embeddings.WordEmbeddings.weight!;

    /// <summary>Vocabulary logits for hidden states of any leading shape [..., hidden] → [..., vocabulary].</summary>
    public Tensor PredictWords(Tensor hidden) => cls.Predictions.Logits(hidden, EmbeddingMatrix);

    /// <summary>Logits at every position, [batch, time, vocabulary].</summary>
    public Tensor Logits(Tensor ids, Tensor mask, Tensor? tokenTypes = null)
    {
        using var scope = NewDisposeScope();
        using var encoding = bert.Encode(ids, mask, tokenTypes);
        return PredictWords(encoding.LastHidden).MoveToOuterDisposeScope();
    }
}

/// <summary><c>cls</c>: only there so parameter names read <c>cls.predictions.…</c>.</summary>
public sealed class BertMlmHeadHolder : Module
{
#pragma warning disable IDE1006
    readonly BertMlmHead predictions;
#pragma warning restore IDE1006

    public BertMlmHeadHolder(BertConfig config) : base("cls")
    {
        predictions = new BertMlmHead(config);
        RegisterComponents();
    }

    public BertMlmHead Predictions => predictions;
}

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
