using TorchSharp.Modules;
using Interpret.Core.Torch;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// BiDAF (Seo et al. 2017) as a span reader. Token embedder (word ⊕ case ⊕ character CNN, <see cref="NerTokenEmbedder"/>)
/// → highway → a contextual BiLSTM shared by question and passage → <see cref="AttentionFlow"/> (G) → modelling
/// BiLSTMs (M) → start = w1·[G; M]; M2 = BiLSTM(M); end = w2·[G; M2]. Every BiLSTM reads each row within its own length
/// (<see cref="PaddedBiLstm"/>), and attention masks padding, so a row's scores never depend on the batch's padding.
/// </summary>
public sealed class BidafModel : Module<Tensor, Tensor, Tensor, Tensor, Tensor>, ISpanModel
{
    readonly NerTokenEmbedder embedder;
    readonly Highway highway;
    readonly Dropout dropout;
    readonly PaddedBiLstm contextual;
    readonly AttentionFlow attention;
    readonly ModuleList<PaddedBiLstm> modelling;
    readonly PaddedBiLstm endEncoder;
    readonly Linear startScore;
    readonly Linear endScore;

    readonly LexiconEmbeddings _hotFlipTable;

    public BidafConfig Config { get; }
    public NerLexicon Lexicon { get; }

    public BidafModel(BidafConfig config, NerLexicon lexicon) : base(nameof(BidafModel))
    {
        lexicon.RequireFits(config.Words, config.Characters, config.MaxCharacters);
        if (config.ModellingLayers < 1) throw new ArgumentException("BiDAF needs at least one modelling layer.");
        Config = config;
        Lexicon = lexicon;
        int h = config.HiddenSize;
        embedder = new NerTokenEmbedder(config.Words, config.WordDim, config.CaseDim, config.Characters, config.CharDim, config.CharFilters, config.CharKernel);
        highway = new Highway(config.EmbeddingDim, config.HighwayLayers);
        dropout = Dropout(config.Dropout);
        contextual = new PaddedBiLstm(config.EmbeddingDim, h);
        attention = new AttentionFlow(2L * h);
        modelling = new ModuleList<PaddedBiLstm>(Enumerable.Range(0, config.ModellingLayers)
            .Select(layer => new PaddedBiLstm(layer == 0 ? 8L * h : 2L * h, h)).ToArray());
        endEncoder = new PaddedBiLstm(2L * h, h);
        startScore = Linear(10L * h, 1);
        endScore = Linear(10L * h, 1);
        RegisterComponents();
        _hotFlipTable = new LexiconEmbeddings(embedder, lexicon);
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedder;
    public NerTokenEmbedder Embedder => embedder;
    public AttentionFlow Attention => attention;

    /// <summary>[vocabulary, dim]: every entry of <see cref="NerLexicon.Tokens"/> run alone through the token embedder
    /// (the layer the predictor hooks), as HotFlip needs for character-aware embedders. Computed once, in eval mode.</summary>
    public Tensor EmbeddingMatrix => _hotFlipTable.Matrix;

    public void Freeze() => eval();

    /// <summary>Training changes the weights, so the cached HotFlip matrix is dropped.</summary>
    public void ForgetEmbeddingMatrix() => _hotFlipTable.Forget();

    /// <summary>The question's tokens, then the passage's, through the token embedder (one call each), then the rest.</summary>
    public Tensor SpanScores(IReadOnlyList<IReadOnlyList<string>> questions, IReadOnlyList<IReadOnlyList<string>> passages)
    {
        using var scope = NewDisposeScope();
        var question = embedder.call(Lexicon.Encode(questions));
        var passage = embedder.call(Lexicon.Encode(passages));
        return call(question, Lengths(questions), passage, Lengths(passages)).MoveToOuterDisposeScope();
    }

    static Tensor Lengths(IReadOnlyList<IReadOnlyList<string>> rows) => tensor(rows.Select(r => (long)r.Count).ToArray());

    /// <param name="question">[batch, J, EmbeddingDim] token embeddings (the embedder's output)</param>
    /// <param name="questionLengths">[batch] int64</param>
    /// <param name="passage">[batch, T, EmbeddingDim]</param>
    /// <param name="passageLengths">[batch] int64</param>
    /// <returns>[batch, 2, T] start and end scores; padded positions hold a large negative score</returns>
    public override Tensor forward(Tensor question, Tensor questionLengths, Tensor passage, Tensor passageLengths)
    {
        using var scope = NewDisposeScope();
        var questionMask = MaskOf(questionLengths, question.shape[1]);
        var passageMask = MaskOf(passageLengths, passage.shape[1]);
        var u = contextual.call(dropout.call(highway.call(question)), questionLengths);
        var h = contextual.call(dropout.call(highway.call(passage)), passageLengths);
        var g = attention.call(h, u, passageMask, questionMask);
        var m = g;
        foreach (var layer in modelling) m = layer.call(dropout.call(m), passageLengths);
        var m2 = endEncoder.call(dropout.call(m), passageLengths);
        var start = startScore.call(dropout.call(cat([g, m], 2)));
        var end = endScore.call(dropout.call(cat([g, m2], 2)));
        var scores = cat([start, end], 2).transpose(1, 2); // [batch, 2, T]
        return scores.masked_fill(passageMask.logical_not().unsqueeze(1), HeldScalars.MaskedOut).MoveToOuterDisposeScope();
    }

    /// <summary>[batch, time] bool, true where position &lt; the row's length.</summary>
    static Tensor MaskOf(Tensor lengths, long time) =>
        arange(time, device: lengths.device).unsqueeze(0).lt(lengths.unsqueeze(1));

    protected override void Dispose(bool disposing)
    {
        if (disposing) ForgetEmbeddingMatrix();
        base.Dispose(disposing);
    }
}
