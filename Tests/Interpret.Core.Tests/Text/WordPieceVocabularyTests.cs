using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Text;

public class WordPieceVocabularyTests
{
    static readonly string VocabPath = Path.Combine(RepositoryFiles.SharedData, "bert", "bert-base-uncased-vocab.txt");

    [Fact]
    public void ReadsBertBaseUncased()
    {
        var vocab = WordPieceVocabulary.Load(VocabPath);
        Assert.Equal(30522, vocab.Count);
        Assert.Equal((0, 100, 101, 102, 103), (vocab.PadId, vocab.UnkId, vocab.ClsId, vocab.SepId, vocab.MaskId));
        Assert.Equal(1996, vocab.IdOf("the"));
        Assert.Equal(vocab.UnkId, vocab.IdOf("no-such-piece"));
        Assert.Equal("##ing", vocab[vocab.IdOf("##ing")]);
        Assert.True(vocab.IsContinuation(vocab.IdOf("##ing")) && !vocab.IsWholeWord(vocab.IdOf("##ing")));
        Assert.True(vocab.IsWholeWord(vocab.IdOf("the")) && !vocab.IsSpecial(vocab.IdOf("the")));
        Assert.True(vocab.IsSpecial(vocab.MaskId) && vocab.IsSpecial(vocab.IdOf("[unused0]")));
        Assert.False(vocab.IsWholeWord(vocab.IdOf("[unused0]")));
        Assert.True(vocab.IsWholeWord(vocab.IdOf("[")) && vocab.IsWholeWord(vocab.IdOf("#")));
    }

    [Fact]
    public void SavesAndLoadsTheSameLines()
    {
        var vocab = new WordPieceVocabulary(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "##b", "é"]);
        var path = Path.Combine(Path.GetTempPath(), $"wordpiece-{Guid.NewGuid():N}.txt");
        try
        {
            vocab.Save(path);
            Assert.Equal(vocab.Tokens, WordPieceVocabulary.Load(path).Tokens);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AMissingSpecialTokenOrADuplicateIsAClearError()
    {
        var missing = Assert.Throws<FormatException>(() => new WordPieceVocabulary(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a"]));
        Assert.Contains("[MASK]", missing.Message);
        var twice = Assert.Throws<FormatException>(() => new WordPieceVocabulary(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "a"]));
        Assert.Contains("'a'", twice.Message);
    }
}
