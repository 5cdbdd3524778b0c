namespace Interpret.Core.ReadingComprehension;

/// <summary>
/// Best-span decoding of a pointer network: among spans with start ≤ end, at most <see cref="MaxLength"/> tokens
/// long, whose two ends are answerable tokens (tokens that stand for characters of the passage, not [SEP]), the
/// highest start score + end score. With log-probabilities as scores that is the most probable span under
/// p(start)·p(end).
/// </summary>
public static class SpanDecoder
{
    /// <summary>The seed's (and BiDAF's) limit on an answer's length, in tokens.</summary>
    public const int MaxLength = 30;

    public readonly record struct Span(int Start, int End, double Score)
    {
        /// <summary>Inclusive end, so a one-token answer has Start == End.</summary>
        public int Length => End - Start + 1;
    }

    /// <summary>The <paramref name="count"/> best spans, best first (ties: earlier start, then shorter).</summary>
    public static IReadOnlyList<Span> Best(ReadOnlySpan<double> start, ReadOnlySpan<double> end, ReadOnlySpan<bool> answerable,
        int count = 1, int maxLength = MaxLength)
    {
        if (start.Length != end.Length || start.Length != answerable.Length)
            throw new ArgumentException("Start scores, end scores and answerable flags need one entry per token.");
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        // A bounded list kept sorted: count is small (the page shows five), spans are n × maxLength.
        var best = new List<Span>(count + 1);
        for (int s = 0; s < start.Length; s++)
        {
            if (!answerable[s]) continue;
            for (int e = s; e < Math.Min(start.Length, s + maxLength); e++)
            {
                if (!answerable[e]) continue;
                var span = new Span(s, e, start[s] + end[e]);
                if (best.Count == count && !Better(span, best[^1])) continue;
                int at = best.FindIndex(b => Better(span, b));
                best.Insert(at < 0 ? best.Count : at, span);
                if (best.Count > count) best.RemoveAt(best.Count - 1);
            }
        }
        return best;
    }

    static bool Better(Span a, Span b) => a.Score > b.Score || a.Score == b.Score && (a.Start < b.Start || a.Start == b.Start && a.End < b.End);
}
