using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>Token lists → right-padded id tensor [batch, time] and its mask.</summary>
public static class TokenBatch
{
    public static (Tensor Ids, Tensor Mask) Encode(IReadOnlyList<IReadOnlyList<Token>> rows, ITokenVocabulary vocabulary) =>
        Encode(rows.Select(r => r.Select(t => (long)vocabulary.IdOf(t.Text)).ToArray()).ToList());

    public static (Tensor Ids, Tensor Mask) Encode(IReadOnlyList<long[]> rows)
    {
        int time = Math.Max(1, rows.Max(r => r.Length));
        var ids = new long[rows.Count * time];
        var mask = new bool[rows.Count * time];
        for (int r = 0; r < rows.Count; r++)
            for (int t = 0; t < rows[r].Length; t++)
            {
                ids[r * time + t] = rows[r][t];
                mask[r * time + t] = true;
            }
        return (tensor(ids, [rows.Count, time]), tensor(mask, [rows.Count, time]));
    }
}
