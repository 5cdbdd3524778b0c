using Interpret.Results;

namespace Interpret.Components;

/// <summary>A field's text as typed with coreference mentions as nested marks: each node is a mention (or the root)
/// and its children are plain text pieces and the mentions inside it. Mentions nest ("[the nurse's [mother]]"); one that
/// crosses an earlier one (rare for a span model) is left unmarked rather than drawn wrong.</summary>
public sealed record MentionTree(CorefMention? Mention, int Cluster, IReadOnlyList<object> Children)
{
    /// <summary>The tree of <paramref name="text"/> with the mentions of <paramref name="clusters"/> in field
    /// <paramref name="field"/>. Children are <see cref="string"/> or <see cref="MentionTree"/>.</summary>
    public static MentionTree Build(string text, string field, IReadOnlyList<CorefCluster> clusters)
    {
        var mentions = clusters
            .SelectMany((c, i) => c.Mentions.Where(m => m.Field == field && m.CharStart >= 0 && m.CharEnd <= text.Length && m.CharStart < m.CharEnd)
                .Select(m => (Mention: m, Cluster: i)))
            .OrderBy(m => m.Mention.CharStart).ThenByDescending(m => m.Mention.CharEnd)
            .ToList();
        return Node(text, null, -1, 0, text.Length, mentions, 0, out _);
    }

    // Builds the node spanning [from, to) from mentions[next..]; returns the index of the first mention it did not take.
    static MentionTree Node(string text, CorefMention? mention, int cluster, int from, int to,
        List<(CorefMention Mention, int Cluster)> mentions, int next, out int after)
    {
        var children = new List<object>();
        int at = from;
        while (next < mentions.Count && mentions[next].Mention.CharStart < to)
        {
            var (inner, innerCluster) = mentions[next];
            if (inner.CharStart < at || inner.CharEnd > to) { next++; continue; } // crosses a mark already drawn
            if (inner.CharStart > at) children.Add(text[at..inner.CharStart]);
            children.Add(Node(text, inner, innerCluster, inner.CharStart, inner.CharEnd, mentions, next + 1, out next));
            at = inner.CharEnd;
        }
        if (at < to) children.Add(text[at..to]);
        after = next;
        return new MentionTree(mention, cluster, children);
    }
}
