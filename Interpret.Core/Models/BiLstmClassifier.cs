using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// Word embeddings → bidirectional LSTM → [max-pool ; mean-pool] over real tokens → linear classifier.
/// The two directions are separate LSTMs so that padded batches give exactly the outputs of unpadded ones.
/// </summary>
public sealed class BiLstmClassifier : Module<Tensor, Tensor, Tensor>, ITextClassifierModel
{
    readonly Embedding embedding;
    readonly Dropout embeddingDropout;
    readonly LSTM forwardLstm;
    readonly LSTM backwardLstm;
    readonly Dropout outputDropout;
    readonly Linear classifier;

    public BiLstmClassifierConfig Config { get; }

    public BiLstmClassifier(BiLstmClassifierConfig config) : base(nameof(BiLstmClassifier))
    {
        Config = config;
        embedding = Embedding(config.VocabularySize, config.EmbeddingDim, padding_idx: 0);
        embeddingDropout = Dropout(config.Dropout);
        forwardLstm = LSTM(config.EmbeddingDim, config.HiddenSize, batchFirst: true);
        backwardLstm = LSTM(config.EmbeddingDim, config.HiddenSize, batchFirst: true);
        outputDropout = Dropout(config.Dropout);
        classifier = Linear(4L * config.HiddenSize, config.Classes);
        RegisterComponents();
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedding;

    public Tensor EmbeddingMatrix => embedding.weight!;

    public Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields) => call(fields[0].Ids, fields[0].Mask);

    public void Freeze() => eval();

    /// <param name="tokenIds">[batch, time] int64, right-padded with 0</param>
    /// <param name="mask">[batch, time] bool, true on real tokens</param>
    /// <returns>logits [batch, classes]</returns>
    public override Tensor forward(Tensor tokenIds, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var embedded = embeddingDropout.call(embedding.call(tokenIds));
        var lengths = mask.sum(1);
        var (forwardOut, _, _) = forwardLstm.call(embedded);
        var (backwardOut, _, _) = backwardLstm.call(ReversePadded.Apply(embedded, lengths));
        var states = cat([forwardOut, ReversePadded.Apply(backwardOut, lengths)], 2);

        var logits = classifier.call(outputDropout.call(MaskedPooling.MaxAndMean(states, mask)));
        return logits.MoveToOuterDisposeScope();
    }
}
