using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// NER tagger: token embedder (word ⊕ case ⊕ character CNN, <see cref="NerTokenEmbedder"/>) → dropout → BiLSTM
/// (two LSTMs, the backward one over each row reversed within its own length, so padding never changes real
/// positions) → dropout → linear tag scores (emissions) → <see cref="ConditionalRandomField"/>.
/// </summary>
public sealed class BiLstmCrfTagger : Module<Tensor, Tensor, Tensor>, ITokenEmbeddingModel
{
    readonly NerTokenEmbedder embedder;
    readonly Dropout embeddingDropout;
    readonly LSTM forwardLstm;
    readonly LSTM backwardLstm;
    readonly Dropout outputDropout;
    readonly Linear tagScores;
    readonly ConditionalRandomField crf;

    readonly LexiconEmbeddings _hotFlipTable;

    public BiLstmCrfConfig Config { get; }
    public NerLexicon Lexicon { get; }

    public BiLstmCrfTagger(BiLstmCrfConfig config, NerLexicon lexicon) : base(nameof(BiLstmCrfTagger))
    {
        lexicon.RequireFits(config.Words, config.Characters, config.MaxCharacters);
        Config = config;
        Lexicon = lexicon;
        embedder = new NerTokenEmbedder(config);
        embeddingDropout = Dropout(config.Dropout);
        forwardLstm = LSTM(embedder.OutputDim, config.HiddenSize, batchFirst: true);
        backwardLstm = LSTM(embedder.OutputDim, config.HiddenSize, batchFirst: true);
        outputDropout = Dropout(config.Dropout);
        tagScores = Linear(2L * config.HiddenSize, config.Tags);
        crf = new ConditionalRandomField(config.Tags);
        RegisterComponents();
        _hotFlipTable = new LexiconEmbeddings(embedder, lexicon);
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedder;
    public NerTokenEmbedder Embedder => embedder;
    public ConditionalRandomField Crf => crf;

    /// <summary>
    /// [vocabulary, dim]: every entry of <see cref="NerLexicon.Tokens"/> run alone through the whole token embedder
    /// (word ⊕ case ⊕ characters), as AllenNLP Interpret builds HotFlip's matrix for character-level embedders.
    /// Computed once per model (eval mode, no gradient) and kept; reset when the model is trained again.
    /// </summary>
    public Tensor EmbeddingMatrix => _hotFlipTable.Matrix;

    /// <summary>Sets dropout off for inference. The HotFlip matrix is computed from the weights at its first use.</summary>
    public void Freeze() => eval();

    /// <summary>Training changes the weights, so the cached HotFlip matrix is dropped.</summary>
    public void ForgetEmbeddingMatrix() => _hotFlipTable.Forget();

    /// <param name="ids">[batch, time, 2 + maxChars] int64 from <see cref="NerLexicon.Encode(IReadOnlyList{IReadOnlyList{string}})"/></param>
    /// <param name="mask">[batch, time] bool, true on real tokens</param>
    /// <returns>emissions [batch, time, tags]; rows' padded positions hold scores the CRF never reads</returns>
    public override Tensor forward(Tensor ids, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var embedded = embeddingDropout.call(embedder.call(ids));
        var lengths = mask.sum(1);
        var (forwardOut, _, _) = forwardLstm.call(embedded);
        var (backwardOut, _, _) = backwardLstm.call(ReversePadded.Apply(embedded, lengths));
        var states = cat([forwardOut, ReversePadded.Apply(backwardOut, lengths)], 2);
        return tagScores.call(outputDropout.call(states)).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) ForgetEmbeddingMatrix();
        base.Dispose(disposing);
    }
}
