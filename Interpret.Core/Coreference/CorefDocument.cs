namespace Interpret.Core.Coreference;

/// <summary>A document with its coreference annotation: sentences of tokens, and clusters of mentions whose token
/// indices count over the whole document (sentences concatenated). Singleton clusters are kept when the source
/// annotates them (LitBank does).</summary>
public sealed record CorefDocument(string Name, IReadOnlyList<IReadOnlyList<string>> Sentences, IReadOnlyList<IReadOnlyList<MentionSpan>> Clusters)
{
    public IReadOnlyList<string> Tokens { get; } = Sentences.SelectMany(s => s).ToList();

    public int MentionCount => Clusters.Sum(c => c.Count);
}
