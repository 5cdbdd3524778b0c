using Interpret.Core.Models.Bert;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>Masked-token accuracy: a fixed-seed 15 % of the ordinary pieces of each sequence are replaced by [MASK]
/// (all of them, no random or kept ones) and the model's top-1 / top-5 guesses are checked against the originals.
/// The same seed gives the same positions, so two models (or two checkpoints) are scored on the same blanks.</summary>
public static class MaskedLmEvaluation
{
    public sealed record Score(double Top1, double Top5, int Masked, int Sequences);

    public static Score Measure(BertForMaskedLm model, IReadOnlyList<int[]> sequences, PieceRoles roles,
        int seed = 1234, int batchSize = 64, CancellationToken cancellation = default)
    {
        bool wasTraining = model.training;
        model.eval();
        var random = new Random(seed);
        long top1 = 0, top5 = 0, masked = 0;
        using (no_grad())
            for (int b = 0; b < sequences.Count; b += batchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var rows = sequences.Skip(b).Take(batchSize).ToList();
                using var batch = MaskedLmBatch.Create(rows, random, 0.15, roles.MaskId, roles.IsOrdinary, roles.OrdinaryIds, alwaysMask: true);
                if (batch.Count == 0) continue;
                using var encoding = model.Bert.Encode(batch.Ids, batch.Mask);
                var logits = model.PredictWords(encoding.LastHidden[batch.Chosen]);
                var best = logits.topk(5).indexes;
                var hits = best.eq(batch.Targets.unsqueeze(1));
                top1 += hits[.., 0].sum().item<long>();
                top5 += hits.any(1).sum().item<long>();
                masked += batch.Count;
            }
        if (wasTraining) model.train();
        return new Score(masked == 0 ? 0 : (double)top1 / masked, masked == 0 ? 0 : (double)top5 / masked, (int)masked, sequences.Count);
    }
}
