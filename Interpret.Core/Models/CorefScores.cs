using Interpret.Core.Coreference;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>
/// One document's scores from <see cref="CorefModel.Score"/>: every candidate span (<see cref="Candidates"/>, width ≤
/// the maximum) with its mention score, and the spans kept after pruning (<see cref="Kept"/>, in document order) with
/// their mention scores and antecedent scores: <see cref="Antecedents"/>[i, k] is the kept index of span i's k-th candidate antecedent
/// (i − 1 − k; negative when there is none) and <see cref="Scores"/> [kept, 1 + K] holds s(i, ε) = 0 in column 0 (the dummy
/// antecedent: i starts a new cluster or is no mention) and s(i, j) = s_m(i) + s_m(j) + s_a(i, j) in column 1 + k,
/// masked-out where there is no candidate.
/// </summary>
public sealed record CorefScores(IReadOnlyList<MentionSpan> Candidates, Tensor MentionScores, IReadOnlyList<MentionSpan> Kept,
    Tensor KeptMentionScores, int[,] Antecedents, Tensor Scores)
{
    public int AntecedentColumns => Antecedents.GetLength(1);
}
