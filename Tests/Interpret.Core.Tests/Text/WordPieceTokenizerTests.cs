using System.Globalization;
using System.Text;
using System.Text.Json;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Text;

public class WordPieceTokenizerTests
{
    static readonly string VocabPath = Path.Combine(RepositoryFiles.SharedData, "bert", "bert-base-uncased-vocab.txt");
    static readonly string CasesPath = Path.GetFullPath(Path.Combine(RepositoryFiles.SharedData, "..", "fixtures", "bert-tokenizer", "cases.jsonl"));

    static readonly Lazy<WordPieceTokenizer> Bert = new(() => new WordPieceTokenizer(WordPieceVocabulary.Load(VocabPath)));

    sealed record Case(int Line, string Text, string[] Tokens, int[] Ids);

    static List<Case> LoadCases() =>
        [.. File.ReadLines(CasesPath).Select((line, i) =>
        {
            var root = JsonDocument.Parse(line).RootElement;
            return new Case(i + 1, root.GetProperty("text").GetString()!,
                [.. root.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!)],
                [.. root.GetProperty("ids").EnumerateArray().Select(t => t.GetInt32())]);
        })];

    [Fact]
    public void MatchesHuggingFaceOnEveryFixtureCase()
    {
        var cases = LoadCases();
        Assert.Equal(215, cases.Count);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var pieces = Bert.Value.Tokenize(c.Text);
            var tokens = pieces.Select(p => p.Text).ToArray();
            var ids = pieces.Select(p => p.Id).ToArray();
            if (!tokens.SequenceEqual(c.Tokens) || !ids.SequenceEqual(c.Ids))
                failures.Add($"line {c.Line} {JsonSerializer.Serialize(c.Text)}\n  expected {string.Join(' ', c.Tokens)}\n  got      {string.Join(' ', tokens)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases differ:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void EveryFixturePieceCoversTheTypedCharactersItStandsFor()
    {
        var failures = new List<string>();
        foreach (var c in LoadCases())
        {
            var pieces = Bert.Value.Tokenize(c.Text);
            for (int i = 0; i < pieces.Count; i++)
            {
                var problem = OffsetProblem(c.Text, pieces, i);
                if (problem is not null) failures.Add($"line {c.Line}: '{pieces[i].Text}' [{pieces[i].Start},{pieces[i].End}) {problem}");
            }
            var words = pieces.Select(p => p.Word).ToArray();
            if (words.Length > 0 && (words[0] != 0 || words.Zip(words.Skip(1)).Any(w => w.Second - w.First is not (0 or 1))))
                failures.Add($"line {c.Line}: word indices {string.Join(',', words)} do not count up from 0");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Pieces come in order and do not overlap, and each covers exactly the typed characters that normalise to
    /// it; except that pieces cut from one typed character (a Hangul syllable decomposes into jamo) all cover it.</summary>
    static string? OffsetProblem(string text, IReadOnlyList<WordPieceToken> pieces, int i)
    {
        var p = pieces[i];
        if (p.End <= p.Start || p.End > text.Length) return "is empty or outside the text";
        bool sharedWithPrevious = i > 0 && SharesOneCharacter(text, pieces[i - 1], p);
        bool sharedWithNext = i + 1 < pieces.Count && SharesOneCharacter(text, p, pieces[i + 1]);
        if (i > 0 && p.Start < pieces[i - 1].End && !sharedWithPrevious) return "overlaps the previous piece";
        var typed = text[p.Start..p.End];
        if (p.Text == "[UNK]")
        {
            // An unknown word is one piece covering the whole word: no spaces inside, and nothing else in its word.
            return typed.Any(char.IsWhiteSpace) || pieces.Count(q => q.Word == p.Word) != 1 ? $"[UNK] covers '{typed}'" : null;
        }
        if (p.Text is "[MASK]" or "[CLS]" or "[SEP]" or "[PAD]") return typed == p.Text ? null : $"covers '{typed}'";
        var expected = p.Text.StartsWith("##") ? p.Text[2..] : p.Text;
        bool fits = sharedWithPrevious || sharedWithNext ? LowerStrip(typed).Contains(expected) : LowerStrip(typed) == expected;
        return fits ? null : $"covers '{typed}'";
    }

    static bool SharesOneCharacter(string text, WordPieceToken a, WordPieceToken b) =>
        a.Word == b.Word && b.Start < a.End && b.Start >= a.Start && b.End >= a.End
        && text[b.Start..a.End].EnumerateRunes().Count() == 1;

    /// <summary>Lower-cased, accents stripped, control and format characters dropped: what a piece's typed slice reads as.</summary>
    static string LowerStrip(string s)
    {
        var sb = new StringBuilder();
        foreach (var r in s.Normalize(NormalizationForm.FormD).ToLowerInvariant().Normalize(NormalizationForm.FormD).EnumerateRunes())
            if (Rune.GetUnicodeCategory(r) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Control or UnicodeCategory.Format))
                sb.Append(r);
        return sb.ToString();
    }

    static string Show(IEnumerable<WordPieceToken> pieces) => string.Join(' ', pieces.Select(p => $"{p.Text}@{p.Start}-{p.End}/{p.Word}"));

    [Theory]
    [InlineData("Hello, world!", "hello@0-5/0 ,@5-6/1 world@7-12/2 !@12-13/3")]
    [InlineData("don't", "don@0-3/0 '@3-4/1 t@4-5/2")]
    [InlineData("$5.99 (50%)", "$@0-1/0 5@1-2/1 .@2-3/2 99@3-5/3 (@6-7/4 50@7-9/5 %@9-10/6 )@10-11/7")]
    [InlineData("“Quoted”—dash…", "“@0-1/0 quoted@1-7/1 ”@7-8/2 —@8-9/3 dash@9-13/4 …@13-14/5")]
    [InlineData("Ångström", "ang@0-3/0 ##strom@3-8/0")]
    [InlineData("naïve", "naive@0-5/0")]
    [InlineData("nai\u0308ve", "naive@0-6/0")] // the diaeresis typed as a combining mark belongs to the "i"
    [InlineData("CAFÉ", "cafe@0-4/0")]
    [InlineData("北京 上海", "北@0-1/0 京@1-2/1 上@3-4/2 海@4-5/3")]
    [InlineData("한", "ᄒ@0-1/0 ##ᅡ@0-1/0 ##ᆫ@0-1/0")] // pieces cut from one syllable all cover it
    [InlineData("Straße", "st@0-2/0 ##raße@2-6/0")]
    [InlineData("a北b", "a@0-1/0 北@1-2/1 b@2-3/2")]
    [InlineData("emoji 😀!", "em@0-2/0 ##oj@2-4/0 ##i@4-5/0 [UNK]@6-8/1 !@8-9/2")]
    [InlineData("The [MASK] was", "the@0-3/0 [MASK]@4-10/1 was@11-14/2")]
    [InlineData("foo[MASK]bar", "foo@0-3/0 [MASK]@3-9/1 bar@9-12/2")]
    [InlineData("[CLS] x [SEP] [PAD] [UNK]", "[CLS]@0-5/0 x@6-7/1 [SEP]@8-13/2 [PAD]@14-19/3 [UNK]@20-25/4")]
    [InlineData("[mask] [unused0]", "[@0-1/0 mask@1-5/1 ]@5-6/2 [@7-8/3 unused@8-14/4 ##0@14-15/4 ]@15-16/5")]
    [InlineData("control\u0007char", "control@0-7/0 ##cha@8-11/0 ##r@11-12/0")]
    [InlineData("zero\u200Bwidth", "zero@0-4/0 ##wi@5-7/0 ##dt@7-9/0 ##h@9-10/0")]
    [InlineData("  \t\n ", "")]
    [InlineData("", "")]
    public void SplitsAndLocatesHandCases(string text, string expected) =>
        Assert.Equal(expected, Show(Bert.Value.Tokenize(text)));

    [Fact]
    public void AWordOfMoreThanAHundredCharactersIsOneUnknown()
    {
        var exactly100 = new string('a', 100);
        Assert.DoesNotContain(Bert.Value.Tokenize(exactly100), p => p.Text == "[UNK]");
        var pieces = Bert.Value.Tokenize("x " + exactly100 + "a y");
        Assert.Equal("x@0-1/0 [UNK]@2-103/1 y@104-105/2", Show(pieces));
        Assert.Equal(100, pieces[1].Id);
    }

    [Fact]
    public void AWordWithNoSegmentationIsOneUnknownCoveringIt()
    {
        // "Ⅻ" is a letter-number that the vocabulary lacks in any form.
        Assert.Equal("ok@0-2/0 [UNK]@3-4/1", Show(Bert.Value.Tokenize("ok Ⅻ")));
        Assert.Equal("[UNK]@0-3/0", Show(Bert.Value.Tokenize("aⅫb")));
    }

    [Fact]
    public void ContinuationsShareTheirWordIndex()
    {
        var pieces = Bert.Value.Tokenize("Interpretability matters.");
        Assert.Equal("interpret@0-9/0 ##ability@9-16/0 matters@17-24/1 .@24-25/2", Show(pieces));
        Assert.True(Bert.Value.Vocabulary.IsContinuation(pieces[1].Id));
        Assert.True(Bert.Value.Vocabulary.IsWholeWord(pieces[0].Id));
    }

    [Fact]
    public void WithoutLowerCasingTheTextIsUsedAsTyped()
    {
        var vocab = new WordPieceVocabulary(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Café", "café", "!", "##s"]);
        Assert.Equal("Café@0-4/0 ##s@4-5/0 !@5-6/1", Show(new WordPieceTokenizer(vocab, lowerCase: false).Tokenize("Cafés!")));
        Assert.Equal("café@0-4/0 ##s@4-5/0 [UNK]@6-10/1", Show(new WordPieceTokenizer(vocab, lowerCase: false).Tokenize("cafés Cafe")));
    }
}
