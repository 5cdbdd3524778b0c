namespace Interpret.Core.Coreference;

/// <summary>Cuts a long document into training segments of whole sentences, each at most MaxTokens long (a longer
/// sentence is its own segment, cut at MaxTokens). A segment keeps the mentions that lie wholly inside it, re-indexed
/// from its first token, grouped by their document cluster.</summary>
public static class CorefSegments
{
    public static List<CorefDocument> Split(CorefDocument document, int maxTokens)
    {
        var segments = new List<CorefDocument>();
        var sentences = new List<IReadOnlyList<string>>();
        int offset = 0, length = 0;

        void Flush()
        {
            if (length == 0) return;
            int from = offset, to = offset + length;
            var clusters = document.Clusters
                .Select(c => (IReadOnlyList<MentionSpan>)c.Where(m => m.Start >= from && m.End <= to).Select(m => new MentionSpan(m.Start - from, m.End - from)).ToList())
                .Where(c => c.Count > 0).ToList();
            segments.Add(new CorefDocument($"{document.Name}#{segments.Count}", sentences.ToList(), clusters));
            sentences.Clear();
            offset = to;
            length = 0;
        }

        foreach (var sentence in document.Sentences)
        {
            for (int at = 0; at < sentence.Count; at += maxTokens)
            {
                var piece = sentence.Skip(at).Take(maxTokens).ToList();
                if (length + piece.Count > maxTokens) Flush();
                sentences.Add(piece);
                length += piece.Count;
            }
        }
        Flush();
        return segments;
    }
}
