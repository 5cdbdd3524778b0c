using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Turns packed id sequences into a masked-LM batch, BERT's way: each ordinary piece is chosen with probability
/// <c>rate</c>; a chosen piece becomes [MASK] 80 % of the time, a random ordinary piece 10 %, itself 10 %, and only
/// chosen pieces are scored. Special pieces ([CLS], [SEP], [UNK], …) are never chosen.
/// </summary>
public sealed record MaskedLmBatch(Tensor Ids, Tensor Mask, Tensor Chosen, Tensor Targets) : IDisposable
{
    /// <param name="isOrdinary">false for special pieces (never chosen, never drawn as a random replacement)</param>
    /// <param name="alwaysMask">evaluation: every chosen piece becomes [MASK]</param>
    public static MaskedLmBatch Create(IReadOnlyList<int[]> sequences, Random random, double rate, int maskId,
        Func<int, bool> isOrdinary, IReadOnlyList<int> ordinaryIds, bool alwaysMask = false)
    {
        int time = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * time];
        var mask = new bool[ids.Length];
        var chosen = new bool[ids.Length];
        var targets = new List<long>();
        for (int r = 0; r < sequences.Count; r++)
            for (int t = 0; t < sequences[r].Length; t++)
            {
                int i = r * time + t, id = sequences[r][t];
                ids[i] = id;
                mask[i] = true;
                if (!isOrdinary(id) || random.NextDouble() >= rate) continue;
                chosen[i] = true;
                targets.Add(id);
                double roll = alwaysMask ? 0 : random.NextDouble();
                if (roll < 0.8) ids[i] = maskId;
                else if (roll < 0.9) ids[i] = ordinaryIds[random.Next(ordinaryIds.Count)];
            }
        return new MaskedLmBatch(tensor(ids).view(sequences.Count, time), tensor(mask).view(sequences.Count, time),
            tensor(chosen).view(sequences.Count, time), tensor(targets.ToArray()));
    }

    public int Count => (int)Targets.shape[0];

    public void Dispose()
    {
        Ids.Dispose();
        Mask.Dispose();
        Chosen.Dispose();
        Targets.Dispose();
    }
}
