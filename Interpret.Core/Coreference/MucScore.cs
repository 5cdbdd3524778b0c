namespace Interpret.Core.Coreference;

/// <summary>
/// MUC (Vilain et al. 1995, "A model-theoretic coreference scoring scheme"): the links a clustering needs. Recall =
/// Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1) over key clusters K, where p(K) is K partitioned by the response clusters (a
/// mention no response cluster holds is a part of its own); precision swaps key and response. Singletons add nothing.
/// </summary>
public static class MucScore
{
    public static PrecisionRecall Of(IReadOnlyList<IReadOnlyList<MentionSpan>> key, IReadOnlyList<IReadOnlyList<MentionSpan>> response)
    {
        var (recallNumerator, recallDenominator) = Links(key, response);
        var (precisionNumerator, precisionDenominator) = Links(response, key);
        return new PrecisionRecall(recallNumerator, recallDenominator, precisionNumerator, precisionDenominator);
    }

    static (double Numerator, double Denominator) Links(IReadOnlyList<IReadOnlyList<MentionSpan>> clusters, IReadOnlyList<IReadOnlyList<MentionSpan>> partition)
    {
        var clusterOf = ClusterIndex.Of(partition);
        double numerator = 0, denominator = 0;
        foreach (var cluster in clusters)
        {
            // Parts: the partition clusters the mentions fall into, plus one part per mention outside all of them.
            int parts = cluster.Where(m => !clusterOf.ContainsKey(m)).Count() + cluster.Where(clusterOf.ContainsKey).Select(m => clusterOf[m]).Distinct().Count();
            numerator += cluster.Count - parts;
            denominator += cluster.Count - 1;
        }
        return (numerator, denominator);
    }
}

/// <summary>Mention → index of the cluster holding it.</summary>
static class ClusterIndex
{
    public static Dictionary<MentionSpan, int> Of(IReadOnlyList<IReadOnlyList<MentionSpan>> clusters)
    {
        var index = new Dictionary<MentionSpan, int>();
        for (int c = 0; c < clusters.Count; c++)
            foreach (var m in clusters[c]) index.TryAdd(m, c);
        return index;
    }
}
