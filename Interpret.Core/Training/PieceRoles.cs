namespace Interpret.Core.Training;

/// <summary>Which vocabulary ids masked-LM training treats specially: [MASK], [CLS], [SEP], and the ordinary pieces
/// (everything else but [PAD], [UNK] and other bracketed specials) that may be chosen or drawn as replacements.</summary>
public sealed record PieceRoles(int MaskId, int ClsId, int SepId, bool[] Ordinary)
{
    public IReadOnlyList<int> OrdinaryIds { get; } = Enumerable.Range(0, Ordinary.Length).Where(i => Ordinary[i]).ToArray();

    public bool IsOrdinary(int id) => Ordinary[id];

    public static PieceRoles FromTokens(IReadOnlyList<string> tokens, Func<string, int> idOf) =>
        new(idOf("[MASK]"), idOf("[CLS]"), idOf("[SEP]"),
            tokens.Select(t => !(t.Length > 2 && t[0] == '[' && t[^1] == ']')).ToArray());
}
