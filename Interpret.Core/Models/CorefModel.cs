using Interpret.Core.Coreference;
using Interpret.Core.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// End-to-end span-ranking coreference in the style of Lee et al. (2017, "End-to-end Neural Coreference Resolution",
/// https://arxiv.org/abs/1707.07045), small enough for a CPU. <see cref="forward"/> encodes tokens: the NER token
/// embedder (word ⊕ case ⊕ characters, the layer interpretation hooks) → BiLSTM; its output [batch, time, E + 2H]
/// keeps the token embeddings beside the contextual states because span heads attend over the embeddings.
/// <see cref="Score"/> then ranks one document's spans: span = [x*_start, x*_end, head, φ(width)], mention score
/// s_m = FFNN(span), pruning to λ·T spans, and for each kept span its K preceding kept spans scored
/// s(i, j) = s_m(i) + s_m(j) + FFNN([g_i, g_j, g_i ∘ g_j, φ(distance)]) beside a dummy antecedent scored 0. The
/// antecedent FFNN's first layer is applied to the three parts separately (the same function as one layer over their
/// concatenation) so the [pairs, 3·span] concatenation is never built.
/// </summary>
public sealed class CorefModel : Module<Tensor, Tensor, Tensor>, ITokenEmbeddingModel
{
    readonly NerTokenEmbedder embedder;
    readonly Dropout embeddingDropout;
    readonly PaddedBiLstm encoder;
    readonly Dropout contextDropout;
    readonly Linear headAttention;
    readonly Embedding widthEmbedding;
    readonly Sequential mentionScorer;
    readonly Linear pairFromMention;
    readonly Linear pairFromAntecedent;
    readonly Linear pairFromProduct;
    readonly Embedding pairFromDistance;
    readonly Dropout pairDropout;
    readonly Linear pairOutput;

    readonly LexiconEmbeddings _hotFlipTable;

    public CorefConfig Config { get; }
    public NerLexicon Lexicon { get; }
    public int EmbeddingDim => embedder.OutputDim;
    public int SpanDim { get; }

    public CorefModel(CorefConfig config, NerLexicon lexicon) : base(nameof(CorefModel))
    {
        lexicon.RequireFits(config.Words, config.Characters, config.MaxCharacters);
        Config = config;
        Lexicon = lexicon;
        embedder = new NerTokenEmbedder(config.Words, config.WordDim, config.CaseDim, config.Characters, config.CharDim, config.CharFilters, config.CharKernel);
        embeddingDropout = Dropout(config.Dropout);
        encoder = new PaddedBiLstm(embedder.OutputDim, config.HiddenSize);
        contextDropout = Dropout(config.Dropout);
        int context = 2 * config.HiddenSize;
        headAttention = Linear(context, 1);
        widthEmbedding = Embedding(config.MaxSpanWidth, config.FeatureDim);
        SpanDim = 2 * context + embedder.OutputDim + config.FeatureDim;
        mentionScorer = Sequential(Linear(SpanDim, config.FfnnSize), ReLU(), Dropout(config.Dropout),
            Linear(config.FfnnSize, config.FfnnSize), ReLU(), Dropout(config.Dropout), Linear(config.FfnnSize, 1));
        pairFromMention = Linear(SpanDim, config.FfnnSize);
        pairFromAntecedent = Linear(SpanDim, config.FfnnSize, hasBias: false);
        pairFromProduct = Linear(SpanDim, config.FfnnSize, hasBias: false);
        pairFromDistance = Embedding(DistanceBuckets.Count, config.FfnnSize);
        pairDropout = Dropout(config.Dropout);
        pairOutput = Linear(config.FfnnSize, 1);
        RegisterComponents();
        _hotFlipTable = new LexiconEmbeddings(embedder, lexicon);
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedder;
    public NerTokenEmbedder Embedder => embedder;

    /// <summary>[vocabulary, dim]: every entry of <see cref="NerLexicon.Tokens"/> alone through the token embedder
    /// (HotFlip's table), computed once in eval mode and kept until training changes the weights.</summary>
    public Tensor EmbeddingMatrix => _hotFlipTable.Matrix;

    public void Freeze() => eval();

    public void ForgetEmbeddingMatrix() => _hotFlipTable.Forget();

    /// <param name="ids">[batch, time, columns] from <see cref="NerLexicon.Encode(IReadOnlyList{IReadOnlyList{string}})"/></param>
    /// <param name="mask">[batch, time] bool, true on real tokens</param>
    /// <returns>[batch, time, E + 2H]: token embeddings ⊕ BiLSTM states (padding positions are never read)</returns>
    public override Tensor forward(Tensor ids, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var embedded = embeddingDropout.call(embedder.call(ids));
        var context = contextDropout.call(encoder.call(embedded, mask.sum(1)));
        return cat([embedded, context], 2).MoveToOuterDisposeScope();
    }

    /// <summary>Scores one document's spans from its row of <see cref="forward"/>'s output.</summary>
    /// <param name="encoded">[time, E + 2H] (a row; positions from <paramref name="length"/> on are ignored)</param>
    /// <param name="keep">spans kept whatever their mention score (an objective's mentions); null for none</param>
    /// <param name="scoreOnly">the kept spans whose antecedents are scored (the others' rows give the dummy
    /// probability 1); null for all</param>
    public CorefScores Score(Tensor encoded, int length, IReadOnlyCollection<MentionSpan>? keep = null, IReadOnlySet<MentionSpan>? scoreOnly = null)
    {
        using var scope = NewDisposeScope();
        var x = encoded.narrow(0, 0, length);
        var embeddings = x.narrow(1, 0, EmbeddingDim);
        var context = x.narrow(1, EmbeddingDim, x.shape[1] - EmbeddingDim);

        var candidates = CandidateSpans(length, Config.MaxSpanWidth);
        int count = candidates.Count, width = Config.MaxSpanWidth;
        var inside = new long[count * width];
        var real = new bool[count * width];
        var starts = new long[count];
        var ends = new long[count];
        var widths = new long[count];
        for (int s = 0; s < count; s++)
        {
            var span = candidates[s];
            (starts[s], ends[s], widths[s]) = (span.Start, span.End - 1, span.Width - 1);
            for (int w = 0; w < width; w++)
            {
                inside[s * width + w] = Math.Min(span.Start + w, span.End - 1);
                real[s * width + w] = w < span.Width;
            }
        }
        var insideIndex = tensor(inside, [count, width]);
        // Head: attention over the span's token embeddings, weights from the contextual states.
        var attention = Rows(headAttention.call(context), insideIndex).squeeze(2).masked_fill(tensor(real, [count, width]).logical_not(), HeldScalars.MaskedOut);
        var head = (functional.softmax(attention, 1).unsqueeze(2) * Rows(embeddings, insideIndex)).sum(1);
        var spans = cat([Rows(context, tensor(starts)), Rows(context, tensor(ends)), head, widthEmbedding.call(tensor(widths))], 1);
        var mentionScores = mentionScorer.call(spans).squeeze(1);

        var kept = Prune(candidates, mentionScores, length, keep);
        var keptIndex = tensor(kept.Select(k => (long)k).ToArray());
        var keptSpans = kept.Select(k => candidates[k]).ToList();
        var g = Rows(spans, keptIndex);
        var keptMentionScores = Rows(mentionScores.unsqueeze(1), keptIndex).squeeze(1);

        int n = kept.Count, k = Math.Min(Config.MaxAntecedents, Math.Max(0, n - 1));
        var antecedents = new int[n, k];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < k; a++) antecedents[i, a] = i - 1 - a;
        // Pairs are scored for the rows asked for only: an objective reads its cluster's rows, so its graph (kept for
        // the backward pass) grows with the cluster, not with the document times K.
        var rows = Enumerable.Range(0, n).Where(i => scoreOnly is null || scoreOnly.Contains(keptSpans[i])).ToList();
        int r = rows.Count;
        var antecedentIds = new long[r * k];
        var valid = new bool[r * k];
        var distances = new long[r * k];
        for (int row = 0; row < r; row++)
            for (int a = 0; a < k; a++)
            {
                int i = rows[row], j = i - 1 - a;
                antecedentIds[row * k + a] = Math.Max(j, 0);
                valid[row * k + a] = j >= 0;
                distances[row * k + a] = j >= 0 ? DistanceBuckets.Of(keptSpans[i].Start - keptSpans[j].Start) : 0;
            }
        Tensor scores;
        if (k == 0 || r == 0) scores = cat([zeros(n, 1, dtype: encoded.dtype), zeros(n, k, dtype: encoded.dtype).masked_fill(ones(n, k, dtype: ScalarType.Bool), HeldScalars.MaskedOut)], 1);
        else
        {
            var rowIndex = tensor(rows.Select(i => (long)i).ToArray());
            var antecedentIndex = tensor(antecedentIds, [r, k]);
            var gi = Rows(g, rowIndex);
            var gj = Rows(g, antecedentIndex); // [r, k, span]
            var hidden = functional.relu(pairFromMention.call(gi).unsqueeze(1).Plus(Rows(pairFromAntecedent.call(g), antecedentIndex))
                .Plus(pairFromProduct.call(gi.unsqueeze(1) * gj)).Plus(pairFromDistance.call(tensor(distances, [r, k]))));
            var pairScores = pairOutput.call(pairDropout.call(hidden)).squeeze(2);
            var linkScores = Rows(keptMentionScores.unsqueeze(1), rowIndex).Plus(Rows(keptMentionScores.unsqueeze(1), antecedentIndex).squeeze(2)).Plus(pairScores)
                .masked_fill(tensor(valid, [r, k]).logical_not(), HeldScalars.MaskedOut);
            var rowScores = cat([zeros(r, 1, dtype: linkScores.dtype), linkScores], 1);
            scores = r == n ? rowScores
                : cat([zeros(n, 1, dtype: linkScores.dtype), zeros(n, k, dtype: linkScores.dtype).masked_fill(ones(n, k, dtype: ScalarType.Bool), HeldScalars.MaskedOut)], 1)
                    .index_copy(0, rowIndex, rowScores);
        }
        return new CorefScores(candidates, mentionScores.MoveToOuterDisposeScope(), keptSpans, keptMentionScores.MoveToOuterDisposeScope(),
            antecedents, scores.MoveToOuterDisposeScope());
    }

    /// <summary>rows[index]: the rows of a [n, …] tensor picked by an index tensor of any shape → [index…, …].</summary>
    static Tensor Rows(Tensor rows, Tensor index) =>
        rows.index_select(0, index.flatten()).reshape([.. index.shape, .. rows.shape.Skip(1)]);

    /// <summary>Every span of 1 to maxWidth tokens, by start then width.</summary>
    public static List<MentionSpan> CandidateSpans(int length, int maxWidth)
    {
        var spans = new List<MentionSpan>(length * maxWidth);
        for (int start = 0; start < length; start++)
            for (int end = start + 1; end <= Math.Min(length, start + maxWidth); end++) spans.Add(new MentionSpan(start, end));
        return spans;
    }

    /// <summary>Indices of the ⌈λ·T⌉ best-scoring candidates (at least one), plus the spans to keep, in document order.</summary>
    List<int> Prune(List<MentionSpan> candidates, Tensor mentionScores, int length, IReadOnlyCollection<MentionSpan>? keep)
    {
        int top = Math.Clamp((int)Math.Ceiling(Config.SpansPerToken * length), 1, candidates.Count);
        var best = mentionScores.detach().topk(top).indexes.data<long>().Select(i => (int)i);
        var chosen = new HashSet<int>(best);
        if (keep is not null)
        {
            var indexOf = new Dictionary<MentionSpan, int>();
            for (int i = 0; i < candidates.Count; i++) indexOf[candidates[i]] = i;
            foreach (var span in keep)
                chosen.Add(indexOf.TryGetValue(span, out var i) ? i
                    : throw new ArgumentException($"Span {span} is not a candidate (at most {Config.MaxSpanWidth} tokens inside {length})."));
        }
        return chosen.OrderBy(i => candidates[i].Start).ThenBy(i => candidates[i].End).ToList();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) ForgetEmbeddingMatrix();
        base.Dispose(disposing);
    }
}
