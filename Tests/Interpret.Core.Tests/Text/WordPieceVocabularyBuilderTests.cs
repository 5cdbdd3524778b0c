using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Text;

public class WordPieceVocabularyBuilderTests
{
    static readonly string[] Corpus =
    [
        .. Enumerable.Repeat("The cat sat on the mat.", 40),
        .. Enumerable.Repeat("The dog ate the bone, then the cat ate the fish!", 25),
        .. Enumerable.Repeat("Zoë's naïve café reopened.", 3),
        "A xylophone played [MASK] quietly.",
    ];

    // Expected words: the reference tokenizer's own normalisation is not used, so a shared mistake cannot hide.
    static readonly string[] CorpusWords =
        ["the", "cat", "sat", "on", "mat", ".", "dog", "ate", "bone", ",", "then", "fish", "!", "zoe", "'", "s", "naive",
         "cafe", "reopened", "a", "xylophone", "played", "quietly"];

    [Fact]
    public void StartsWithTheSpecialTokensThenHasTheRequestedSize()
    {
        var vocab = WordPieceVocabularyBuilder.Build(Corpus, 90);
        Assert.Equal(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], vocab.Tokens.Take(5));
        Assert.Equal((0, 1, 2, 3, 4), (vocab.PadId, vocab.UnkId, vocab.ClsId, vocab.SepId, vocab.MaskId));
        Assert.Equal(90, vocab.Count);
        Assert.Equal(vocab.Count, vocab.Tokens.Distinct().Count());
    }

    [Fact]
    public void FrequentWordsBecomeSinglePieces()
    {
        var vocab = WordPieceVocabularyBuilder.Build(Corpus, 90);
        foreach (var word in new[] { "the", "cat", "sat", "on", "mat", "ate" })
            Assert.True(vocab.Contains(word), $"'{word}' is not a piece");
        var tokenizer = new WordPieceTokenizer(vocab);
        Assert.Equal(["the", "cat", "sat", "on", "the", "mat", "."], tokenizer.Tokenize("The cat sat on the mat.").Select(p => p.Text));
    }

    [Fact]
    public void EveryCharacterIsAPieceInBothForms()
    {
        // Even characters of words seen once (below the minimum count for merging), lower-cased and accents stripped.
        var vocab = WordPieceVocabularyBuilder.Build(Corpus, 90);
        foreach (var c in CorpusWords.SelectMany(w => w).Distinct())
        {
            Assert.True(vocab.Contains(c.ToString()), $"'{c}' is missing");
            Assert.True(vocab.Contains("##" + c), $"'##{c}' is missing");
        }
        Assert.False(vocab.Contains("ë") || vocab.Contains("Z") || vocab.Contains("M"), "accents and capitals are stripped; [MASK] is not a word");
    }

    [Fact]
    public void AskingForMoreThanTheWordsAllowGivesEveryPossiblePiece()
    {
        var all = WordPieceVocabularyBuilder.Build(Corpus, 100_000);
        Assert.True(all.Count < 1000);
        Assert.Equal(all.Tokens, WordPieceVocabularyBuilder.Build(Corpus, 200_000).Tokens);
        // With every merge done, each word seen at least twice is one piece.
        foreach (var word in new[] { "reopened", "naive", "then", "fish" }) Assert.True(all.Contains(word), word);
        Assert.False(all.Contains("xylophone"));
    }

    [Fact]
    public void IsDeterministicWhateverTheOrderOfTheTexts()
    {
        var first = WordPieceVocabularyBuilder.Build(Corpus, 80);
        var again = WordPieceVocabularyBuilder.Build(Corpus, 80);
        var reversed = WordPieceVocabularyBuilder.Build(Corpus.Reverse(), 80);
        Assert.Equal(first.Tokens, again.Tokens);
        Assert.Equal(first.Tokens, reversed.Tokens);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(100_000)]
    public void TheTokenizerOverTheBuiltVocabularySpellsEveryWordBack(int size)
    {
        var tokenizer = new WordPieceTokenizer(WordPieceVocabularyBuilder.Build(Corpus, size));
        var spelt = Corpus.SelectMany(text => tokenizer.Tokenize(text).GroupBy(p => p.Word)
            .Select(word => string.Concat(word.Select(p => p.Text.StartsWith("##") ? p.Text[2..] : p.Text)))).Distinct().ToList();
        Assert.DoesNotContain("[UNK]", spelt);
        Assert.Equal(CorpusWords.Append("[MASK]").Order(StringComparer.Ordinal), spelt.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASizeWithoutRoomForEveryCharacterIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WordPieceVocabularyBuilder.Build(Corpus, 20));
        Assert.Contains("distinct characters", error.Message);
    }

    [Fact]
    public void CountsWords()
    {
        var builder = new WordPieceVocabularyBuilder();
        builder.Add("The cat, the [MASK].");
        Assert.Equal(5, builder.WordCount);
        Assert.Equal(4, builder.DistinctWords);
    }
}
