namespace Interpret.Core.Coreference;

/// <summary>The deterministic document-level split of a corpus: documents sorted by name (ordinal), every tenth
/// document from the ninth on (index % 10 == 8) to dev and from the tenth on (index % 10 == 9) to test, the rest
/// (80 %) to train. Interleaving spreads the books' ids over the three parts instead of giving test the last ids.</summary>
public static class CorefSplit
{
    public sealed record Parts(IReadOnlyList<CorefDocument> Train, IReadOnlyList<CorefDocument> Dev, IReadOnlyList<CorefDocument> Test);

    public static Parts Of(IEnumerable<CorefDocument> documents)
    {
        var sorted = documents.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        return new Parts(
            sorted.Where((_, i) => i % 10 < 8).ToList(),
            sorted.Where((_, i) => i % 10 == 8).ToList(),
            sorted.Where((_, i) => i % 10 == 9).ToList());
    }
}
