namespace Interpret.Core.Text.WordPiece;

/// <summary>
/// BERT's tokenizer (HuggingFace <c>BertTokenizer</c>, by default with <c>do_lower_case=True</c>): basic tokenisation
/// into words, then each word split greedily into the longest vocabulary pieces from its start, continuations marked
/// "##". A word with no such split, or longer than <see cref="WordPieceVocabulary.MaxInputCharsPerWord"/> characters,
/// becomes a single [UNK]. Every piece carries the range of the text as typed that it covers.
/// </summary>
public sealed class WordPieceTokenizer
{
    readonly BasicTokenizer _basic;

    /// <param name="lowerCase">Lower-case and strip accents, as uncased BERT models expect; when false the text is
    /// used as typed (HuggingFace's defaults for cased models).</param>
    public WordPieceTokenizer(WordPieceVocabulary vocabulary, bool lowerCase = true)
    {
        Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        _basic = new BasicTokenizer(lowerCase, vocabulary.NeverSplit);
    }

    public WordPieceVocabulary Vocabulary { get; }

    public IReadOnlyList<WordPieceToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new BasicWords();
        _basic.Split(text, words);
        var pieces = new List<WordPieceToken>(words.Words.Count + words.Words.Count / 4);
        for (int w = 0; w < words.Words.Count; w++)
        {
            var word = words.Words[w];
            if (word.SpecialId >= 0)
            {
                var (start, end) = words.RangeOf(word);
                pieces.Add(new WordPieceToken(Vocabulary[word.SpecialId], word.SpecialId, start, end, w));
            }
            else if (!TrySplit(words, word, w, pieces))
            {
                var (start, end) = words.RangeOf(word);
                pieces.Add(new WordPieceToken(Vocabulary[Vocabulary.UnkId], Vocabulary.UnkId, start, end, w));
            }
        }
        return pieces;
    }

    /// <summary>Greedy longest-match-first: from each position take the longest piece in the vocabulary. Adds nothing
    /// and returns false if some position has no piece or the word is too long.</summary>
    bool TrySplit(BasicWords words, BasicWord word, int index, List<WordPieceToken> pieces)
    {
        var chars = words.Chars.AsSpan(word.From, word.To - word.From);
        if (CountCharacters(chars) > WordPieceVocabulary.MaxInputCharsPerWord) return false;
        int before = pieces.Count;
        int from = 0;
        while (from < chars.Length)
        {
            int to = Math.Min(chars.Length, from + Vocabulary.MaxPieceLength);
            int id = -1;
            for (; to > from; to--)
            {
                // Never cut a surrogate pair: a piece is whole characters.
                if (to < chars.Length && char.IsLowSurrogate(chars[to])) continue;
                if (Vocabulary.TryGetPiece(chars[from..to], continuation: from > 0, out id)) break;
            }
            if (to == from)
            {
                pieces.RemoveRange(before, pieces.Count - before);
                return false;
            }
            int at = word.From + from, last = word.From + to - 1;
            pieces.Add(new WordPieceToken(Vocabulary[id], id, words.Starts[at], words.Ends[last], index));
            from = to;
        }
        return true;
    }

    /// <summary>Characters as Python counts them: code points, so a surrogate pair is one.</summary>
    static int CountCharacters(ReadOnlySpan<char> chars)
    {
        if (chars.Length <= WordPieceVocabulary.MaxInputCharsPerWord) return chars.Length;
        int count = 0;
        foreach (var c in chars) if (!char.IsLowSurrogate(c)) count++;
        return count;
    }
}
