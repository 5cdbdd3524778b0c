using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// ESIM (Chen et al. 2017) for entailment: a shared BiLSTM encodes premise and hypothesis, soft alignment attends
/// each to the other, [a; ã; a − ã; a ⊙ ã] is projected and composed by a second BiLSTM, max+mean pooling of both
/// sides feeds a one-hidden-layer classifier. The token embedder runs once per field, premise first.
/// </summary>
public sealed class EsimClassifier : Module<Tensor, Tensor, Tensor, Tensor, Tensor>, ITextClassifierModel
{
    readonly Embedding embedding;
    readonly Dropout dropout;
    readonly PaddedBiLstm encoder;
    readonly Linear projection;
    readonly PaddedBiLstm composer;
    readonly Linear hidden;
    readonly Linear output;

    public EsimConfig Config { get; }

    public EsimClassifier(EsimConfig config) : base(nameof(EsimClassifier))
    {
        Config = config;
        int h = config.HiddenSize;
        embedding = Embedding(config.VocabularySize, config.EmbeddingDim, padding_idx: 0);
        dropout = Dropout(config.Dropout);
        encoder = new PaddedBiLstm(config.EmbeddingDim, h);
        projection = Linear(8L * h, h);
        composer = new PaddedBiLstm(h, h);
        hidden = Linear(8L * h, h);
        output = Linear(h, config.Classes);
        RegisterComponents();
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedding;
    public Tensor EmbeddingMatrix => embedding.weight!;
    public void Freeze() => eval();

    public Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields) =>
        call(fields[0].Ids, fields[0].Mask, fields[1].Ids, fields[1].Mask);

    public override Tensor forward(Tensor premiseIds, Tensor premiseMask, Tensor hypothesisIds, Tensor hypothesisMask)
    {
        using var scope = NewDisposeScope();
        var premiseLengths = premiseMask.sum(1);
        var hypothesisLengths = hypothesisMask.sum(1);
        var a = encoder.call(dropout.call(embedding.call(premiseIds)), premiseLengths);
        var b = encoder.call(dropout.call(embedding.call(hypothesisIds)), hypothesisLengths);

        var scores = a.matmul(b.transpose(1, 2)); // [batch, premise, hypothesis]
        var aligned = Attend(scores, hypothesisMask.unsqueeze(1)).matmul(b);
        var alignedBack = Attend(scores.transpose(1, 2), premiseMask.unsqueeze(1)).matmul(a);

        var va = composer.call(Enhance(a, aligned), premiseLengths);
        var vb = composer.call(Enhance(b, alignedBack), hypothesisLengths);
        var pooled = cat([MaskedPooling.MaxAndMean(va, premiseMask), MaskedPooling.MaxAndMean(vb, hypothesisMask)], 1);
        var logits = output.call(dropout.call(hidden.call(dropout.call(pooled)).tanh()));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Softmax over the last axis, only where the other side has real tokens.</summary>
    static Tensor Attend(Tensor scores, Tensor otherMask) =>
        scores.masked_fill(otherMask.logical_not(), HeldScalars.NegativeInfinity).softmax(-1);

    Tensor Enhance(Tensor x, Tensor aligned) =>
        dropout.call(projection.call(cat([x, aligned, x - aligned, x * aligned], 2)).relu());
}
