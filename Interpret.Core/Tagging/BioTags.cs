namespace Interpret.Core.Tagging;

/// <summary>An entity (chunk) of a tag sequence: its type and token span [Start, End).</summary>
public sealed record TagSpan(string Type, int Start, int End);

/// <summary>
/// Chunks of IOB-style tag sequences by the rules of the CoNLL <c>conlleval</c> script, so that IOB1 (CoNLL-2003's
/// files: "I-X" starts an entity unless it follows X), BIO/IOB2 ("B-X" starts every entity) and even ill-formed
/// sequences ("O I-X") are read the same way the official scorer reads them. A tag is "O" or "&lt;prefix&gt;-&lt;type&gt;";
/// a tag without a hyphen has an empty type.
/// </summary>
public static class BioTags
{
    public const string Outside = "O";

    public static (string Prefix, string Type) Split(string tag)
    {
        int dash = tag.IndexOf('-');
        return dash < 0 ? (tag, "") : (tag[..dash], tag[(dash + 1)..]);
    }

    /// <summary>conlleval's endOfChunk: a chunk ended between the previous tag and this one.</summary>
    public static bool EndsChunk(string previousPrefix, string prefix, string previousType, string type) =>
        (previousPrefix, prefix) is ("B", "B") or ("B", "O") or ("I", "B") or ("I", "O") or ("E", "E") or ("E", "I") or ("E", "O")
        || (previousPrefix != "O" && previousPrefix != "." && previousType != type)
        || previousPrefix is "]" or "[";

    /// <summary>conlleval's startOfChunk: a chunk started between the previous tag and this one.</summary>
    public static bool StartsChunk(string previousPrefix, string prefix, string previousType, string type) =>
        (previousPrefix, prefix) is ("B", "B") or ("I", "B") or ("O", "B") or ("O", "I") or ("E", "E") or ("E", "I") or ("O", "E")
        || (prefix != "O" && prefix != "." && previousType != type)
        || prefix is "[" or "]";

    /// <summary>The chunks of one sentence, in order. The sentence is bounded by "O" on both sides, as in conlleval.</summary>
    public static List<TagSpan> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<TagSpan>();
        string previousPrefix = "O", previousType = "";
        int start = -1;
        for (int t = 0; t <= tags.Count; t++)
        {
            var (prefix, type) = t < tags.Count ? Split(tags[t]) : ("O", "");
            if (start >= 0 && EndsChunk(previousPrefix, prefix, previousType, type))
            {
                chunks.Add(new TagSpan(previousType, start, t));
                start = -1;
            }
            if (t < tags.Count && StartsChunk(previousPrefix, prefix, previousType, type)) start = t;
            (previousPrefix, previousType) = (prefix, type);
        }
        return chunks;
    }

    /// <summary>The same chunks written as BIO (IOB2): "B-X" on every chunk's first token, "I-X" on the rest, "O" outside.</summary>
    public static string[] ToBio(IReadOnlyList<string> tags)
    {
        var bio = Enumerable.Repeat(Outside, tags.Count).ToArray();
        foreach (var chunk in Chunks(tags))
            for (int t = chunk.Start; t < chunk.End; t++) bio[t] = (t == chunk.Start ? "B-" : "I-") + chunk.Type;
        return bio;
    }

    /// <summary>The BIO tag set of the given entity types: "O", then "B-X", "I-X" per type in the order given.</summary>
    public static IReadOnlyList<string> TagSet(IEnumerable<string> types) => [Outside, .. types.SelectMany(t => new[] { "B-" + t, "I-" + t })];
}
