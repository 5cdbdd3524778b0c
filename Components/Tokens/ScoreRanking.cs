namespace Interpret.Components;

/// <summary>Ranks scores by magnitude: rank 1 is the largest |score|. Ties keep input order, so ranks are unique and
/// "top k" is always exactly k tokens.</summary>
public static class ScoreRanking
{
    public static int[] Ranks(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => Magnitude(scores[i]))
            .ThenBy(i => i)
            .ToArray();
        var ranks = new int[scores.Count];
        for (var r = 0; r < order.Length; r++) ranks[order[r]] = r + 1;
        return ranks;
    }

    static double Magnitude(double score) => double.IsFinite(score) ? Math.Abs(score) : 0;
}
