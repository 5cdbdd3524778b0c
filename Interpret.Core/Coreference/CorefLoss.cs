using Interpret.Core.Models;
using Interpret.Core.Torch;
using static TorchSharp.torch;

namespace Interpret.Core.Coreference;

/// <summary>
/// The training objective of Lee et al. (2017): for each kept span i, the log of the marginal probability of its
/// gold antecedents, log Σ_{j ∈ GOLD(i)} P(j | i) with P = softmax over the dummy and i's candidates. GOLD(i) is
/// the candidates in i's own cluster, or the dummy when there are none (i starts its cluster, or is no mention).
/// Plus, in training, a mention loss: binary cross-entropy of every candidate's mention score against "is a
/// gold mention" (LitBank annotates singletons, which the antecedent loss alone never asks for).
/// </summary>
public static class CorefLoss
{
    /// <summary>Σ log P(GOLD(i) | i) over the kept spans (all of them, or with <paramref name="onlyClusterMentions"/>
    /// only those in a cluster: a cluster's objective for interpretation). [] scalar.</summary>
    /// <param name="normalised">false: without the softmax's normaliser, log Σ_{j ∈ GOLD(i)} exp s(i, j) (the
    /// "logit" objective)</param>
    public static Tensor LogLikelihood(CorefScores scores, IReadOnlyList<IReadOnlyList<MentionSpan>> clusters, bool onlyClusterMentions = false,
        bool normalised = true)
    {
        using var scope = NewDisposeScope();
        var clusterOf = ClusterIndex.Of(clusters);
        int n = scores.Kept.Count, columns = 1 + scores.AntecedentColumns;
        var gold = new bool[n * columns];
        var rows = new List<long>();
        for (int i = 0; i < n; i++)
        {
            bool inCluster = clusterOf.TryGetValue(scores.Kept[i], out var cluster);
            if (onlyClusterMentions && !inCluster) continue;
            rows.Add(i);
            bool any = false;
            for (int a = 0; a < scores.AntecedentColumns && inCluster; a++)
            {
                int j = scores.Antecedents[i, a];
                if (j >= 0 && clusterOf.TryGetValue(scores.Kept[j], out var other) && other == cluster) gold[i * columns + 1 + a] = any = true;
            }
            if (!any) gold[i * columns] = true;
        }
        if (rows.Count == 0) return zeros([], dtype: scores.Scores.dtype).MoveToOuterDisposeScope();
        var goldMask = tensor(gold, [n, columns]);
        var goldScores = scores.Scores.masked_fill(goldMask.logical_not(), HeldScalars.MaskedOut);
        var perSpan = normalised ? goldScores.logsumexp(1) - scores.Scores.logsumexp(1) : goldScores.logsumexp(1);
        return perSpan.index_select(0, tensor(rows.ToArray())).sum().MoveToOuterDisposeScope();
    }

    /// <summary>Σ over all candidate spans of the binary cross-entropy of their mention scores (logits) against
    /// membership in the gold mentions. [] scalar.</summary>
    public static Tensor MentionLoss(CorefScores scores, IReadOnlyList<IReadOnlyList<MentionSpan>> clusters)
    {
        using var scope = NewDisposeScope();
        var mentions = clusters.SelectMany(c => c).ToHashSet();
        var labels = tensor(scores.Candidates.Select(s => mentions.Contains(s) ? 1f : 0f).ToArray()).to_type(scores.MentionScores.dtype);
        return nn.functional.binary_cross_entropy_with_logits(scores.MentionScores, labels, reduction: nn.Reduction.Sum).MoveToOuterDisposeScope();
    }
}
