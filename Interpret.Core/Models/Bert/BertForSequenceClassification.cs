using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>HuggingFace's <c>BertForSequenceClassification</c>: pooled [CLS] → dropout → <c>classifier</c>.
/// One or two fields become one sequence: [CLS] a [SEP] (b [SEP]), token types 0 then 1.</summary>
public sealed class BertForSequenceClassification : Module, ITextClassifierModel
{
#pragma warning disable IDE1006
    readonly BertModel bert;
    readonly Linear classifier;
#pragma warning restore IDE1006
    readonly Dropout dropout;

    public BertConfig Config { get; }

    public BertForSequenceClassification(BertConfig config) : base("BertForSequenceClassification")
    {
        Config = config;
        bert = new BertModel(config, withPooler: true);
        dropout = Dropout(config.HiddenDropout);
        classifier = Linear(config.HiddenSize, config.Labels.Count);
        RegisterComponents();
    }

    public BertModel Bert => bert;

    public Module<Tensor, Tensor> TokenEmbedder => bert.Embeddings.WordEmbeddings;

    public Tensor EmbeddingMatrix => bert.Embeddings.WordEmbeddings.weight!;

    /// <summary>One field ([CLS] a [SEP]) or a pair (then b [SEP]), as <c>BertInputTokenizer</c> cuts them; the pair is
    /// packed as HuggingFace does (see <see cref="BertModel.EncodeFields"/>).</summary>
    /// <returns>logits [batch, classes]</returns>
    public Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields)
    {
        using var scope = NewDisposeScope();
        using var encoding = bert.EncodeFields(fields);
        return classifier.call(dropout.call(bert.Pool(encoding.LastHidden))).MoveToOuterDisposeScope();
    }

    public void Freeze() => eval();

    /// <returns>logits [batch, classes]</returns>
    public Tensor Classify(Tensor ids, Tensor mask, Tensor? tokenTypes = null)
    {
        using var scope = NewDisposeScope();
        using var encoding = bert.Encode(ids, mask, tokenTypes);
        return classifier.call(dropout.call(bert.Pool(encoding.LastHidden))).MoveToOuterDisposeScope();
    }
}
