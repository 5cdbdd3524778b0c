using System.Runtime.InteropServices;

namespace Interpret.Core.Text.WordPiece;

/// <summary>
/// Learns a WordPiece vocabulary from text. Texts are split into words exactly as <see cref="WordPieceTokenizer"/>
/// splits them (lower-cased, accents stripped, punctuation apart) and only distinct words are counted, so a large
/// corpus costs one pass plus merges over some 50k–100k distinct words. Building starts from every character that
/// occurs, in word-initial and "##" forms, then repeatedly merges the most frequent adjacent pair of pieces inside
/// words until the vocabulary has the requested size (<see cref="PieceMerger"/> says why frequency rather than
/// WordPiece's likelihood score). Not thread-safe: call <see cref="Add"/> from one thread.
/// </summary>
public sealed class WordPieceVocabularyBuilder
{
    static readonly string[] SpecialTokens =
        [WordPieceVocabulary.Padding, WordPieceVocabulary.Unknown, WordPieceVocabulary.Classification, WordPieceVocabulary.Separator, WordPieceVocabulary.Mask];

    readonly BasicTokenizer _basic = new(lowerCase: true, SpecialTokens.Select((t, i) => (t, i)));
    readonly BasicWords _words = new();
    readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <param name="minWordCount">Words seen fewer times still contribute their characters but take no part in
    /// merges, so typos and one-off names do not claim vocabulary entries.</param>
    public WordPieceVocabularyBuilder(int minWordCount = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minWordCount, 1);
        MinWordCount = minWordCount;
    }

    public int MinWordCount { get; }
    public long WordCount { get; private set; }
    public int DistinctWords => _counts.Count;

    /// <summary>Counts the words of one text (special tokens typed in it, such as "[MASK]", are not words).</summary>
    public void Add(string text)
    {
        _basic.Split(text, _words);
        // Looking words up as spans allocates a string only for a word not seen before.
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in _words.Words)
        {
            if (word.SpecialId >= 0) continue;
            CollectionsMarshal.GetValueRefOrAddDefault(lookup, _words.Chars.AsSpan(word.From, word.To - word.From), out _)++;
            WordCount++;
        }
    }

    /// <summary>The vocabulary: [PAD] (id 0), [UNK], [CLS], [SEP], [MASK], every character in both forms, then merged
    /// pieces in the order they were learnt; <paramref name="size"/> entries, or fewer if the words allow no more merges.
    /// The same counts always give the same vocabulary.</summary>
    public WordPieceVocabulary Build(int size)
    {
        var characters = new SortedSet<string>(StringComparer.Ordinal);
        var words = new List<(string[] Characters, int Count)>();
        foreach (var (word, count) in _counts)
        {
            var chars = word.EnumerateRunes().Select(r => r.ToString()).ToArray();
            characters.UnionWith(chars);
            if (count >= MinWordCount && chars.Length <= WordPieceVocabulary.MaxInputCharsPerWord) words.Add((chars, count));
        }
        var alphabet = characters.Concat(characters.Select(c => WordPieceVocabulary.ContinuationPrefix + c)).ToList();
        int room = size - SpecialTokens.Length - alphabet.Count;
        if (room < 0)
            throw new ArgumentOutOfRangeException(nameof(size), size,
                $"The text has {characters.Count} distinct characters, which need {alphabet.Count} pieces besides the {SpecialTokens.Length} special tokens.");
        var merged = new PieceMerger(alphabet, words).Merge(room);
        return new WordPieceVocabulary([.. SpecialTokens, .. alphabet, .. merged]);
    }

    /// <summary>Counts <paramref name="texts"/> and builds a vocabulary of <paramref name="size"/> entries.</summary>
    public static WordPieceVocabulary Build(IEnumerable<string> texts, int size, int minWordCount = 2)
    {
        var builder = new WordPieceVocabularyBuilder(minWordCount);
        foreach (var text in texts) builder.Add(text);
        return builder.Build(size);
    }
}
