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
