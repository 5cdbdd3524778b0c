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

    /// <summary>One field: its ids already hold [CLS] … [SEP] (see <c>BertInputTokenizer</c>).</summary>
    public Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields) =>
        fields.Count == 1 ? Classify(fields[0].Ids, fields[0].Mask)
            : throw new NotSupportedException("BERT classifiers here read one field; sentence pairs are not packed yet.");

    public void Freeze() => eval();

    /// <returns>logits [batch, classes]</returns>
    public Tensor Classify(Tensor ids, Tensor mask, Tensor? tokenTypes = null)
    {
        using var scope = NewDisposeScope();
        using var encoding = bert.Encode(ids, mask, tokenTypes);
        return classifier.call(dropout.call(bert.Pool(encoding.LastHidden))).MoveToOuterDisposeScope();
    }
}
