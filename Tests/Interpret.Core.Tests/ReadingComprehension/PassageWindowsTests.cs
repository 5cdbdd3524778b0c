using Interpret.Core.ReadingComprehension;
using Interpret.Core.Tests.Pretrained;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>Windows over long passages, and answers mapped from characters to pieces and back.</summary>
public class PassageWindowsTests
{
    [Theory]
    [InlineData(10, 50)]
    [InlineData(10, 371)]
    [InlineData(10, 372)]
    [InlineData(20, 1000)]
    [InlineData(64, 2000)]
    public void Windows_cover_the_passage_and_fit_the_model(int question, int passage)
    {
        var windows = new PassageWindows();
        var list = windows.Of(question, passage);
        Assert.Equal(0, list[0].Start);
        Assert.Equal(passage, list[^1].Start + list[^1].Length);
        foreach (var (start, length) in list)
            Assert.True(question + 2 + length + 1 <= windows.MaxPieces);
        for (int i = 1; i < list.Count; i++)
            Assert.Equal(windows.Overlap, list[i - 1].Start + list[i - 1].Length - list[i].Start);
        // Every answer of up to Overlap + 1 pieces lies wholly inside some window.
        for (int s = 0; s < passage; s += 7)
        {
            int e = Math.Min(passage - 1, s + windows.Overlap);
            Assert.Contains(list, w => s >= w.Start && e < w.Start + w.Length);
        }
    }

    [Fact]
    public void Answers_map_back_to_their_characters_in_every_window()
    {
        var tokenizer = new WordPieceTokenizer(MiniLm.Vocabulary);
        var sentence = "The Rhine flows through Basel, Strasbourg and Cologne before reaching Rotterdam. ";
        var context = string.Concat(Enumerable.Repeat(sentence, 40)) + "Its length is 1,230 kilometres.";
        var windows = new PassageWindows(MaxPieces: 128, Overlap: 32);
        var pieces = SquadPieces.Of(tokenizer, windows, "How long is the Rhine?", context);
        Assert.True(pieces.Windows.Count > 5);
        int at = context.IndexOf("1,230 kilometres", StringComparison.Ordinal);
        var span = pieces.PiecesOf(at, at + "1,230 kilometres".Length)!.Value;
        Assert.Equal("1,230 kilometres", context[pieces.Passage[span.Start].Start..pieces.Passage[span.End].End]);
        var window = pieces.Windows[^1]; // the passage's last words are in its last window
        Assert.True(span.Start >= window.Start && span.End < window.Start + window.Length);
        var ids = pieces.WindowIds(window, MiniLm.Vocabulary);
        Assert.Equal(window.Length + 1, ids.Length);
        Assert.Equal(MiniLm.Vocabulary.IdOf(WordPieceVocabulary.Separator), ids[^1]);
        Assert.Equal(pieces.Passage[span.Start].Id, ids[span.Start - window.Start]);
        // An answer in the middle of the passage: every window that holds it maps to the same characters.
        int middle = context.IndexOf("Strasbourg", context.Length / 2, StringComparison.Ordinal);
        var inner = pieces.PiecesOf(middle, middle + "Strasbourg".Length)!.Value;
        Assert.Equal("Strasbourg", context[pieces.Passage[inner.Start].Start..pieces.Passage[inner.End].End]);
    }
}
