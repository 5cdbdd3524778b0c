namespace Interpret.Core.ReadingComprehension;

/// <summary>
/// A passage longer than a transformer's window is read in overlapping windows, as HuggingFace's question-answering
/// examples do: each window holds <c>[CLS] question [SEP]</c>, as many passage pieces as fit, and <c>[SEP]</c>; the
/// next window starts <see cref="Overlap"/> pieces before the previous one ended, so every answer of up to that many
/// pieces lies wholly inside some window.
/// </summary>
public sealed record PassageWindows(int MaxPieces = 384, int Overlap = 128, int MaxQuestionPieces = 64)
{
    /// <summary>(first passage piece, piece count) of each window, in order; one window when the passage fits.</summary>
    public IReadOnlyList<(int Start, int Length)> Of(int questionPieces, int passagePieces)
    {
        // The question field carries [CLS] and [SEP]; the passage field its own closing [SEP].
        int room = MaxPieces - (questionPieces + 2) - 1;
        if (room <= Overlap) throw new ArgumentException($"A question of {questionPieces} pieces leaves no room for the passage in {MaxPieces}.");
        var windows = new List<(int, int)>();
        for (int start = 0; ; start += room - Overlap)
        {
            int length = Math.Min(room, passagePieces - start);
            windows.Add((start, length));
            if (start + length >= passagePieces) return windows;
        }
    }
}
