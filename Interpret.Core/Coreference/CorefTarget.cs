namespace Interpret.Core.Coreference;

/// <summary>
/// A coreference labeled instance's target as ids (<see cref="Predictors.LabeledInstance.Target"/>): the clusters it
/// asks about and the spans attacks must leave alone, flattened as [c, m₁, s, e, …, m_c, s, e, …, p, s, e, …]:
/// the number of clusters, each cluster's mention count and its mentions' token spans, then the protected spans
/// (every mention of the prediction). Removing a token shifts every span after it.
/// </summary>
public sealed record CorefTarget(IReadOnlyList<IReadOnlyList<MentionSpan>> Clusters, IReadOnlyList<MentionSpan> Protected)
{
    public IReadOnlyList<long> Encode()
    {
        var ids = new List<long> { Clusters.Count };
        foreach (var cluster in Clusters) Add(ids, cluster);
        Add(ids, Protected);
        return ids;
    }

    static void Add(List<long> ids, IReadOnlyList<MentionSpan> spans)
    {
        ids.Add(spans.Count);
        foreach (var s in spans) { ids.Add(s.Start); ids.Add(s.End); }
    }

    public static CorefTarget Decode(IReadOnlyList<long> ids)
    {
        int at = 0;
        IReadOnlyList<MentionSpan> Read()
        {
            int count = (int)ids[at++];
            var spans = new List<MentionSpan>(count);
            for (int i = 0; i < count; i++, at += 2) spans.Add(new MentionSpan((int)ids[at], (int)ids[at + 1]));
            return spans;
        }
        int clusters = (int)ids[at++];
        var list = new List<IReadOnlyList<MentionSpan>>(clusters);
        for (int c = 0; c < clusters; c++) list.Add(Read());
        return new CorefTarget(list, Read());
    }

    /// <summary>The target after the token at <paramref name="position"/> is removed: later spans move left, a span
    /// holding it shrinks (attacks never remove a protected token, so this only happens to other spans).</summary>
    public CorefTarget WithoutToken(int position)
    {
        MentionSpan Shift(MentionSpan s) => new(s.Start > position ? s.Start - 1 : s.Start, s.End > position ? s.End - 1 : s.End);
        return new CorefTarget(Clusters.Select(c => (IReadOnlyList<MentionSpan>)c.Select(Shift).ToList()).ToList(), Protected.Select(Shift).ToList());
    }

    public bool Protects(int position) => Protected.Any(s => s.Contains(position)) || Clusters.Any(c => c.Any(s => s.Contains(position)));
}
