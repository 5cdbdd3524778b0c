using Interpret.Core.Models;
using static TorchSharp.torch;

namespace Interpret.Core.Coreference;

/// <summary>
/// Clusters from antecedent scores, as Lee et al. (2017) decode: each kept span (in document order) links to its
/// best-scoring antecedent, or to none when the dummy scores best; linked spans form clusters by transitivity.
/// With <c>singletons</c>, a kept span that links to nothing and has a mention score above the threshold (0: the
/// mention loss's p &gt; ½) is a cluster of its own (LitBank annotates singletons; the explorer shows only clusters of two
/// or more). Clusters come out ordered by their first mention, mentions in document order.
/// </summary>
public static class CorefDecoder
{
    public static List<IReadOnlyList<MentionSpan>> Clusters(CorefScores scores, bool singletons, double singletonThreshold = 0)
    {
        int n = scores.Kept.Count, columns = 1 + scores.AntecedentColumns;
        var values = scores.Scores.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var mentionScores = scores.KeptMentionScores.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var clusterOf = new int[n];
        Array.Fill(clusterOf, -1);
        var clusters = new List<List<MentionSpan>>();
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < columns; c++)
                if (values[i * columns + c] > values[i * columns + best]) best = c;
            if (best == 0)
            {
                if (singletons && mentionScores[i] > singletonThreshold)
                {
                    clusterOf[i] = clusters.Count;
                    clusters.Add([scores.Kept[i]]);
                }
                continue;
            }
            int j = scores.Antecedents[i, best - 1];
            if (clusterOf[j] < 0)
            {
                clusterOf[j] = clusters.Count;
                clusters.Add([scores.Kept[j]]);
            }
            clusterOf[i] = clusterOf[j];
            clusters[clusterOf[j]].Add(scores.Kept[i]);
        }
        return clusters.Select(c => (IReadOnlyList<MentionSpan>)c.OrderBy(m => m.Start).ThenBy(m => m.End).ToList())
            .OrderBy(c => c[0].Start).ThenBy(c => c[0].End).ToList();
    }
}
