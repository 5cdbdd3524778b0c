using Interpret.Core.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// A linear-chain CRF over tag scores: learned transition scores between tags plus start and end scores.
/// Every method takes a batch of emissions [batch, time, tags] and a mask [batch, time]. The mask chooses which
/// positions form each row's sequence; positions left out are skipped entirely, so for row b with masked positions
/// t₁ &lt; … &lt; t_k and tags y,
/// <code>score(y) = start[y_t₁] + Σⱼ emit[tⱼ, y_tⱼ] + Σⱼ trans[y_tⱼ, y_tⱼ₊₁] + end[y_t_k]</code>
/// and log Z sums exp(score) over all K^k tag sequences of those positions. Padding is just a mask that ends early,
/// which makes batching exact: a row's results never depend on other rows or on the padded length. A row with no
/// masked position has score 0, log Z 0 and log-likelihood 0. (AllenNLP's CRF assumes the first position is always
/// in the mask; this definition agrees with it there and also covers masks that start later, such as one entity's span.)
/// </summary>
public sealed class ConditionalRandomField : Module
{
    readonly Parameter transitions;
    readonly Parameter startTransitions;
    readonly Parameter endTransitions;

    public int Tags { get; }

    public ConditionalRandomField(int tags) : base(nameof(ConditionalRandomField))
    {
        Tags = tags;
        transitions = Parameter(empty(tags, tags));
        startTransitions = Parameter(empty(tags));
        endTransitions = Parameter(empty(tags));
        using (no_grad())
        {
            init.xavier_normal_(transitions);
            init.normal_(startTransitions);
            init.normal_(endTransitions);
        }
        RegisterComponents();
    }

    /// <summary>[from, to] transition scores.</summary>
    public Tensor Transitions => transitions;
    public Tensor StartTransitions => startTransitions;
    public Tensor EndTransitions => endTransitions;

    /// <summary>log Z per row [batch] by the forward algorithm.</summary>
    public Tensor LogPartition(Tensor emissions, Tensor mask)
    {
        using var scope = NewDisposeScope();
        long batch = emissions.shape[0], time = emissions.shape[1];
        var alpha = zeros(batch, Tags, dtype: emissions.dtype, device: emissions.device);
        var started = zeros(batch, dtype: ScalarType.Bool, device: emissions.device);
        var stepTransitions = transitions.unsqueeze(0);
        for (long t = 0; t < time; t++)
        {
            var emit = emissions.select(1, t);
            var first = startTransitions.unsqueeze(0).Plus(emit);
            var next = alpha.unsqueeze(2).Plus(stepTransitions).logsumexp(1).Plus(emit);
            var candidate = where(started.unsqueeze(1), next, first);
            var here = mask.select(1, t);
            alpha = where(here.unsqueeze(1), candidate, alpha);
            started = started.logical_or(here);
        }
        var logZ = alpha.Plus(endTransitions.unsqueeze(0)).logsumexp(1);
        return where(started, logZ, zeros_like(logZ)).MoveToOuterDisposeScope();
    }

    /// <summary>score(y) per row [batch] of the given tags [batch, time] (int64; values at unmasked positions are ignored).</summary>
    public Tensor Score(Tensor emissions, Tensor tags, Tensor mask)
    {
        using var scope = NewDisposeScope();
        long batch = emissions.shape[0], time = emissions.shape[1];
        var score = zeros(batch, dtype: emissions.dtype, device: emissions.device);
        var previous = zeros(batch, dtype: ScalarType.Int64, device: emissions.device);
        var started = zeros(batch, dtype: ScalarType.Bool, device: emissions.device);
        var flatTransitions = transitions.reshape(-1);
        for (long t = 0; t < time; t++)
        {
            var tag = tags.select(1, t);
            var emit = emissions.select(1, t).gather(1, tag.unsqueeze(1)).squeeze(1);
            var transition = where(started, flatTransitions.gather(0, previous.Times(Tags).Plus(tag)), startTransitions.gather(0, tag));
            var here = mask.select(1, t);
            score = score.Plus(where(here, emit.Plus(transition), zeros_like(emit)));
            previous = where(here, tag, previous);
            started = started.logical_or(here);
        }
        var end = endTransitions.gather(0, previous);
        score = score.Plus(where(started, end, zeros_like(end)));
        return score.MoveToOuterDisposeScope();
    }

    /// <summary>log p(y | x) per row [batch] = score(y) − log Z; the training loss is its negation.</summary>
    public Tensor LogLikelihood(Tensor emissions, Tensor tags, Tensor mask)
    {
        using var scope = NewDisposeScope();
        return (Score(emissions, tags, mask) - LogPartition(emissions, mask)).MoveToOuterDisposeScope();
    }

    /// <summary>The highest-scoring tag sequence of each row's masked positions (Viterbi), one tag per masked position.</summary>
    public long[][] Viterbi(Tensor emissions, Tensor mask)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long batch = emissions.shape[0], time = emissions.shape[1];
        var best = zeros(batch, Tags, dtype: emissions.dtype, device: emissions.device);
        var started = zeros(batch, dtype: ScalarType.Bool, device: emissions.device);
        var pointers = new List<Tensor>();
        var stepTransitions = transitions.detach().unsqueeze(0);
        for (long t = 0; t < time; t++)
        {
            var emit = emissions.select(1, t).detach();
            var first = startTransitions.detach().unsqueeze(0).Plus(emit);
            // [batch, from, to]: the best previous tag for every current tag.
            var (values, indices) = best.unsqueeze(2).Plus(stepTransitions).max(1);
            var candidate = where(started.unsqueeze(1), values.Plus(emit), first);
            var here = mask.select(1, t);
            best = where(here.unsqueeze(1), candidate, best);
            started = started.logical_or(here);
            pointers.Add(indices);
        }
        var final = best.Plus(endTransitions.detach().unsqueeze(0)).to_type(ScalarType.Float64).data<double>().ToArray();
        var back = stack(pointers, 1).data<long>().ToArray(); // [batch, time, tags]
        var masked = mask.to_type(ScalarType.Bool).data<bool>().ToArray();
        var paths = new long[batch][];
        for (int b = 0; b < batch; b++)
        {
            var positions = Enumerable.Range(0, (int)time).Where(t => masked[b * time + t]).ToArray();
            var path = new long[positions.Length];
            if (positions.Length > 0)
            {
                long tag = 0;
                double top = double.NegativeInfinity;
                for (int k = 0; k < Tags; k++)
                    if (final[b * Tags + k] > top) (top, tag) = (final[b * Tags + k], k);
                path[^1] = tag;
                for (int j = positions.Length - 1; j > 0; j--)
                {
                    tag = back[(b * time + positions[j]) * Tags + tag];
                    path[j - 1] = tag;
                }
            }
            paths[b] = path;
        }
        return paths;
    }

    /// <summary>
    /// log p(y_s … y_{e−1} = tags | x) for one sentence: the marginal probability, under the full CRF of the sentence,
    /// that the span [start, end) gets exactly these tags (whatever the other positions get), by forward–backward.
    /// emissions is [length × tags] row-major for one unpadded sentence; transitions, start and end are this CRF's.
    /// Computed in double precision on the CPU (decoding only, no gradient).
    /// </summary>
    public static double SpanLogProbability(double[] emissions, int length, double[] transitions, double[] start, double[] end,
        int spanStart, IReadOnlyList<int> spanTags)
    {
        int k = start.Length, spanEnd = spanStart + spanTags.Count;
        var alpha = ForwardScores(emissions, length, transitions, start);
        var beta = BackwardScores(emissions, length, transitions, end);
        var terms = new double[k];
        for (int j = 0; j < k; j++) terms[j] = alpha[(length - 1) * k + j] + end[j];
        double logZ = LogSumExp(terms);
        int first = spanTags[0];
        for (int i = 0; i < k && spanStart > 0; i++) terms[i] = alpha[(spanStart - 1) * k + i] + transitions[i * k + first];
        double score = spanStart == 0 ? start[first] : LogSumExp(terms);
        for (int t = spanStart; t < spanEnd; t++)
        {
            int tag = spanTags[t - spanStart];
            score += emissions[t * k + tag];
            if (t > spanStart) score += transitions[spanTags[t - spanStart - 1] * k + tag];
        }
        return score + beta[(spanEnd - 1) * k + spanTags[^1]] - logZ;
    }

    /// <summary>alpha[t, j] = log Σ over tags of positions 0..t ending in j of their score, emissions of 0..t included.</summary>
    static double[] ForwardScores(double[] emissions, int length, double[] transitions, double[] start)
    {
        int k = start.Length;
        var alpha = new double[length * k];
        var terms = new double[k];
        for (int j = 0; j < k; j++) alpha[j] = start[j] + emissions[j];
        for (int t = 1; t < length; t++)
            for (int j = 0; j < k; j++)
            {
                for (int i = 0; i < k; i++) terms[i] = alpha[(t - 1) * k + i] + transitions[i * k + j];
                alpha[t * k + j] = emissions[t * k + j] + LogSumExp(terms);
            }
        return alpha;
    }

    /// <summary>beta[t, i] = log Σ over tags of positions t+1.. of their score given tag i at t (emission at t excluded), end included.</summary>
    static double[] BackwardScores(double[] emissions, int length, double[] transitions, double[] end)
    {
        int k = end.Length;
        var beta = new double[length * k];
        var terms = new double[k];
        for (int i = 0; i < k; i++) beta[(length - 1) * k + i] = end[i];
        for (int t = length - 2; t >= 0; t--)
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++) terms[j] = transitions[i * k + j] + emissions[(t + 1) * k + j] + beta[(t + 1) * k + j];
                beta[t * k + i] = LogSumExp(terms);
            }
        return beta;
    }

    static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
