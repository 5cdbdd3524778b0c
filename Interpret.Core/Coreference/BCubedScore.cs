namespace Interpret.Core.Coreference;

/// <summary>
/// B³ (Bagga and Baldwin 1998), as the CoNLL-2012 reference scorer computes it: recall = Σ_K Σ_R |K ∩ R|² / |K| over
/// Σ_K |K| (each key mention scores the share of its key cluster found in its response cluster; a mention the
/// response misses scores 0); precision swaps key and response. Singletons count.
/// </summary>
public static class BCubedScore
{
    public static PrecisionRecall Of(IReadOnlyList<IReadOnlyList<MentionSpan>> key, IReadOnlyList<IReadOnlyList<MentionSpan>> response)
    {
        var (recallNumerator, recallDenominator) = Shares(key, response);
        var (precisionNumerator, precisionDenominator) = Shares(response, key);
        return new PrecisionRecall(recallNumerator, recallDenominator, precisionNumerator, precisionDenominator);
    }

    static (double Numerator, double Denominator) Shares(IReadOnlyList<IReadOnlyList<MentionSpan>> clusters, IReadOnlyList<IReadOnlyList<MentionSpan>> other)
    {
        var otherOf = ClusterIndex.Of(other);
        double numerator = 0, denominator = 0;
        foreach (var cluster in clusters)
        {
            foreach (var overlap in cluster.Where(otherOf.ContainsKey).GroupBy(m => otherOf[m]))
                numerator += (double)overlap.Count() * overlap.Count() / cluster.Count;
            denominator += cluster.Count;
        }
        return (numerator, denominator);
    }
}
