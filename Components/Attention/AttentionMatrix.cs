using Interpret.Results;

namespace Interpret.Components;

/// <summary>One attention matrix to show: a layer's head, or the mean over the layer's heads (<see cref="Head"/> null).
/// <c>Weights[query][key]</c>; every row still sums to 1, since a mean of distributions is one.</summary>
public sealed record AttentionMatrix(int Layer, int? Head, IReadOnlyList<Token> Tokens, double[][] Weights)
{
    /// <summary>The matrix of <paramref name="layer"/> and <paramref name="head"/> (null: mean over heads), or null when
    /// the maps are empty or the indices are out of range.</summary>
    public static AttentionMatrix? Of(AttentionMaps? maps, int layer, int? head)
    {
        if (maps is null || layer < 0 || layer >= maps.Layers || maps.Weights[layer].Count == 0) return null;
        var heads = maps.Weights[layer];
        if (head is int h)
            return h < 0 || h >= heads.Count ? null : new AttentionMatrix(layer, h, maps.Tokens, heads[h].Select(r => r.ToArray()).ToArray());

        var n = heads[0].Count;
        var mean = new double[n][];
        for (var q = 0; q < n; q++)
        {
            mean[q] = new double[heads[0][q].Count];
            foreach (var matrix in heads)
                for (var k = 0; k < mean[q].Length; k++) mean[q][k] += matrix[q][k];
            for (var k = 0; k < mean[q].Length; k++) mean[q][k] /= heads.Count;
        }
        return new AttentionMatrix(layer, null, maps.Tokens, mean);
    }

    /// <summary>The key a query attends to most (the first on ties), or -1 for an empty row.</summary>
    public int MostAttended(int query)
    {
        var row = Weights[query];
        var best = -1;
        for (var k = 0; k < row.Length; k++)
            if (best < 0 || row[k] > row[best]) best = k;
        return best;
    }

    public string TokenText(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Text : $"#{i}";
}
