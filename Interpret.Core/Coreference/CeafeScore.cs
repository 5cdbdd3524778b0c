namespace Interpret.Core.Coreference;

/// <summary>
/// Entity-based CEAF, φ4 (Luo 2005, "On coreference resolution performance metrics"): key and response clusters are
/// aligned one to one to maximise Σ φ4(K, R), φ4 = 2|K ∩ R| / (|K| + |R|) (Kuhn–Munkres, <see cref="Assignment"/>);
/// recall = that maximum / number of key clusters, precision = it / number of response clusters.
/// </summary>
public static class CeafeScore
{
    public static PrecisionRecall Of(IReadOnlyList<IReadOnlyList<MentionSpan>> key, IReadOnlyList<IReadOnlyList<MentionSpan>> response)
    {
        var similarity = new double[key.Count, response.Count];
        var responseOf = ClusterIndex.Of(response);
        for (int k = 0; k < key.Count; k++)
            foreach (var overlap in key[k].Where(responseOf.ContainsKey).GroupBy(m => responseOf[m]))
                similarity[k, overlap.Key] = 2.0 * overlap.Count() / (key[k].Count + response[overlap.Key].Count);
        double best = Assignment.MaximumWeight(similarity);
        return new PrecisionRecall(best, key.Count, best, response.Count);
    }
}
