namespace Interpret.Core.Text.WordPiece;

/// <summary>A word of basic tokenisation: characters [<see cref="From"/>, <see cref="To"/>) of <see cref="BasicWords.Chars"/>.
/// <see cref="SpecialId"/> is the vocabulary id of a special token kept whole (its characters as typed), else -1.</summary>
internal readonly record struct BasicWord(int From, int To, int SpecialId);

/// <summary>The output of <see cref="BasicTokenizer"/>: the normalised characters of all words in one buffer, each
/// with the range of the text as typed that it came from, so wordpieces can report original offsets.</summary>
internal sealed class BasicWords
{
    public char[] Chars = new char[64];
    /// <summary>Original range of each normalised character (a decomposed "é" gives "e" the whole range of "é").</summary>
    public int[] Starts = new int[64], Ends = new int[64];
    public int Length;
    public readonly List<BasicWord> Words = [];

    int _wordFrom;
    bool _canExtend;

    public void Clear()
    {
        Length = 0;
        _wordFrom = 0;
        _canExtend = false;
        Words.Clear();
    }

    /// <summary>Appends a normalised character to the word being built.</summary>
    public void Append(char c, int start, int end)
    {
        if (Length == Chars.Length) Grow();
        Chars[Length] = c;
        Starts[Length] = start;
        Ends[Length] = end;
        Length++;
        _canExtend = true;
    }

    /// <summary>A character that normalised to nothing (an accent typed as a combining mark) still belongs to the
    /// character before it, so that character's range grows to cover it.</summary>
    public void ExtendLast(int end)
    {
        if (_canExtend) Ends[Length - 1] = end;
    }

    /// <summary>Closes the word being built, if any.</summary>
    public void EndWord()
    {
        if (Length > _wordFrom) Words.Add(new BasicWord(_wordFrom, Length, -1));
        _wordFrom = Length;
    }

    /// <summary>Ends the word at a space: a later combining mark starts a new (empty) word rather than joining this one.</summary>
    public void Break()
    {
        EndWord();
        _canExtend = false;
    }

    /// <summary>Adds a special token such as "[MASK]", found at <paramref name="start"/> of the text, as a word of its own.</summary>
    public void AddSpecial(string token, int id, int start)
    {
        Break();
        for (int i = 0; i < token.Length; i++) Append(token[i], start + i, start + i + 1);
        Words.Add(new BasicWord(_wordFrom, Length, id));
        _wordFrom = Length;
        _canExtend = false;
    }

    /// <summary>The range of the text as typed that a word came from.</summary>
    public (int Start, int End) RangeOf(BasicWord word) => (Starts[word.From], Ends[word.To - 1]);

    void Grow()
    {
        int size = Chars.Length * 2;
        Array.Resize(ref Chars, size);
        Array.Resize(ref Starts, size);
        Array.Resize(ref Ends, size);
    }
}
