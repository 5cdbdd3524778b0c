using System.Globalization;

namespace Interpret.Browser.Tests;

/// <summary>Comparisons of score vectors read from the page with those the API returned.</summary>
public static class Scores
{
    /// <summary>Same length and equal within float noise, relative to the largest magnitude.</summary>
    public static bool Close(double[] a, double[] b, double relative = 1e-5)
    {
        if (a.Length != b.Length) return false;
        var scale = Math.Max(1e-12, b.Select(Math.Abs).DefaultIfEmpty(0).Max());
        return a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= relative * scale);
    }

    /// <summary>Indices by score, largest first; ties keep input order.</summary>
    public static int[] OrderDescending(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();

    /// <summary>Whether an order of indices is a descending sort of the scores, allowing swaps of near-ties.</summary>
    public static bool IsSortedBy(int[] order, double[] scores, double relative = 1e-5)
    {
        var tolerance = relative * Math.Max(1e-12, scores.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (var i = 1; i < order.Length; i++)
            if (scores[order[i - 1]] < scores[order[i]] - tolerance) return false;
        return true;
    }

    /// <summary>Rank 1 = largest |score|, ties by input order: the heatmap's top-k rule.</summary>
    public static int[] Ranks(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length)
            .OrderByDescending(i => double.IsFinite(scores[i]) ? Math.Abs(scores[i]) : 0).ThenBy(i => i).ToArray();
        var ranks = new int[scores.Length];
        for (var r = 0; r < order.Length; r++) ranks[order[r]] = r + 1;
        return ranks;
    }

    public static string Show(IEnumerable<double> scores) =>
        "[" + string.Join(", ", scores.Select(s => s.ToString("0.####", CultureInfo.InvariantCulture))) + "]";
}
