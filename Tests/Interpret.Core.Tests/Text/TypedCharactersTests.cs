using Interpret.Core.Models;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Text;

/// <summary>Characters outside the Basic Multilingual Plane and characters made of several code points stay whole in
/// every tokenizer, and offsets stay in UTF-16 units of the text as typed (issue 13 §1).</summary>
public class TypedCharactersTests
{
    const string Fire = "\U0001F525";                                   // 🔥, a surrogate pair
    const string Flag = "\U0001F1EB\U0001F1F7";                         // 🇫🇷, two regional indicators
    const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // 👨‍👩‍👧, three emoji joined by ZWJ
    const string ThumbsUpMedium = "\U0001F44D\U0001F3FD";               // 👍🏽, emoji + skin tone
    const string DecomposedE = "e\u0301";                               // é as a letter + combining acute

    static readonly PtbTokenizer Ptb = new(lowerCase: false);

    static readonly Lazy<WordPieceTokenizer> Bert = new(() =>
        new WordPieceTokenizer(WordPieceVocabulary.Load(Path.Combine(RepositoryFiles.SharedData, "bert", "bert-base-uncased-vocab.txt"))));

    [Theory]
    [InlineData(Fire)]
    [InlineData(Flag)]
    [InlineData(Family)]
    [InlineData(ThumbsUpMedium)]
    public void PtbKeepsAnEmojiAsOneToken(string emoji)
    {
        var text = $"great {emoji} film";
        var tokens = Ptb.Tokenize(text);
        Assert.Equal(["great", emoji, "film"], tokens.Select(t => t.Text));
        Assert.Equal((6, 6 + emoji.Length), (tokens[1].Start, tokens[1].End));
        Assert.All(tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
    }

    [Fact]
    public void PtbSplitsAnEmojiOffTheWordsItTouches()
    {
        var text = $"great{Fire}{Flag}film!";
        Assert.Equal(["great", Fire, Flag, "film", "!"], Ptb.Tokenize(text).Select(t => t.Text));
    }

    [Theory]
    [InlineData("caf" + DecomposedE, "caf" + DecomposedE)]
    [InlineData("caf" + DecomposedE + "s", "caf" + DecomposedE + "s")]
    [InlineData(DecomposedE + "cole", DecomposedE + "cole")]
    public void PtbKeepsCombiningMarksInTheirWord(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Ptb.Tokenize(text)).Text);

    [Fact]
    public void PtbNeverEndsATokenInsideAPunctuationMarkWithACombiningMark()
    {
        // "!" followed by a combining mark is one user-perceived character: the mark goes with it.
        var tokens = Ptb.Tokenize("wow!\u0301 ok");
        Assert.Equal(["wow", "!\u0301", "ok"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void PtbLowerCasingKeepsSupplementaryLetters()
    {
        // 𐐀 (Deseret capital long I) lower-cases to 𐐨: both are surrogate pairs.
        var token = Assert.Single(new PtbTokenizer(lowerCase: true).Tokenize("\U00010400"));
        Assert.Equal("\U00010428", token.Text);
        Assert.Equal((0, 2), (token.Start, token.End));
    }

    [Theory]
    [InlineData(Fire)]
    [InlineData(Flag)]
    [InlineData(Family)]
    [InlineData(ThumbsUpMedium)]
    public void WordPieceMakesAnUnknownEmojiOneUnkOverTheWholeCharacter(string emoji)
    {
        var text = $"great {emoji} film";
        var pieces = Bert.Value.Tokenize(text);
        Assert.Equal(["great", "[UNK]", "film"], pieces.Select(p => p.Text));
        Assert.Equal((6, 6 + emoji.Length), (pieces[1].Start, pieces[1].End));
    }

    [Fact]
    public void WordPieceStripsACombiningAccentButCoversItInTheOffsets()
    {
        var text = "caf" + DecomposedE + " ok";
        var pieces = Bert.Value.Tokenize(text);
        Assert.Equal("cafe", pieces[0].Text);
        Assert.Equal((0, 5), (pieces[0].Start, pieces[0].End));
    }

    [Fact]
    public void NerCharactersAreCodePointsSoAnEmojiIsOneUnknownCharacter()
    {
        var lexicon = new NerLexicon(new Vocabulary(["great"]), "gret" + Fire, maxCharacters: 8);
        var row = new long[lexicon.Columns];
        lexicon.Encode("a" + Fire + "g", row);
        // a is unknown (1), the emoji is the table's fifth code point (id 6), g the first (id 2); then padding.
        Assert.Equal([1L, 6, 2, 0], row[NerLexicon.FixedColumns..(NerLexicon.FixedColumns + 4)]);
        Assert.Equal(5 + 2, lexicon.CharacterCount);
        Assert.Equal("e" + Fire, NerLexicon.CollectCharacters(["e" + Fire, "e"]));
    }
}
