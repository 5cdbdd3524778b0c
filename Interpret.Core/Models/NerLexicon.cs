using System.Text;
using Interpret.Core.Text;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>
/// How a token becomes the ids the NER token embedder reads: [word id, case id, character ids…] (2 + MaxCharacters
/// int64 values, 0 = padding). The word id looks up the token lower-cased (PTB quotes `` and '' read as "), in a word
/// table made of the distinct lower-cased forms of <see cref="Tokens"/> in order; the case id is one of
/// <see cref="CaseCount"/> − 1 shapes (lower, UPPER, Title, miXed, digits, other); the characters keep their case and
/// are cut after MaxCharacters. A character is a Unicode code point (as AllenNLP's character indexer reads Python
/// strings), so an emoji is one unknown character, never two halves of a surrogate pair. <see cref="Tokens"/> (cased, vocab.txt) is also the list HotFlip draws replacements from.
/// </summary>
public sealed class NerLexicon
{
    public const int CaseCount = 7;
    public const int FixedColumns = 2;

    readonly Dictionary<Rune, int> _characterIds;

    public NerLexicon(Vocabulary tokens, string characters, int maxCharacters)
    {
        if (maxCharacters < 1) throw new ArgumentOutOfRangeException(nameof(maxCharacters));
        Tokens = tokens;
        Words = new Vocabulary(tokens.Tokens.Skip(2).Select(WordKey).Distinct(StringComparer.Ordinal));
        Characters = characters;
        MaxCharacters = maxCharacters;
        _characterIds = new Dictionary<Rune, int>();
        // Ids count code points, so a table of BMP characters (every shipped model's) keeps its ids.
        foreach (var character in characters.EnumerateRunes())
            if (!_characterIds.TryAdd(character, _characterIds.Count + 2)) throw new ArgumentException($"Character '{character}' is listed twice.");
    }

    /// <summary>The cased token vocabulary (vocab.txt; HotFlip's candidates).</summary>
    public Vocabulary Tokens { get; }
    /// <summary>The word-embedding table's rows: lower-cased forms of <see cref="Tokens"/>, ids 0/1 padding/unknown.</summary>
    public Vocabulary Words { get; }
    /// <summary>The character vocabulary: its code point i has id i + 2 (0 padding, 1 unknown).</summary>
    public string Characters { get; }
    public int CharacterCount => _characterIds.Count + 2;
    public int MaxCharacters { get; }
    public int Columns => FixedColumns + MaxCharacters;

    /// <summary>Throws unless a model configured for these table sizes can read this lexicon's ids.</summary>
    public void RequireFits(int words, int characters, int maxCharacters)
    {
        if (Words.Count != words || CharacterCount != characters || MaxCharacters != maxCharacters)
            throw new ArgumentException($"The lexicon ({Words.Count} words, {CharacterCount} characters, {MaxCharacters} per token) " +
                $"does not fit the configuration ({words}, {characters}, {maxCharacters}).");
    }

    static string Normalise(string text) => text is "``" or "''" ? "\"" : text;

    public static string WordKey(string text) => Normalise(text).ToLowerInvariant();

    /// <summary>1 lower, 2 UPPER, 3 Title, 4 miXed (letters otherwise), 5 digits without letters, 6 anything else.</summary>
    public static int CaseOf(string text)
    {
        bool letters = text.Any(char.IsLetter);
        if (!letters) return text.Any(char.IsDigit) ? 5 : 6;
        if (!text.Any(char.IsUpper)) return 1;
        if (!text.Any(char.IsLower)) return 2;
        int first = 0;
        while (!char.IsLetter(text[first])) first++;
        return char.IsUpper(text[first]) && !text[(first + 1)..].Any(char.IsUpper) ? 3 : 4;
    }

    /// <summary>Writes one token's ids into row[0 .. Columns).</summary>
    public void Encode(string text, Span<long> row)
    {
        row.Clear();
        row[0] = Words.IdOf(WordKey(text));
        row[1] = CaseOf(text);
        int column = FixedColumns;
        foreach (var character in Normalise(text).EnumerateRunes())
        {
            if (column == Columns) break;
            row[column++] = _characterIds.TryGetValue(character, out var id) ? id : Vocabulary.UnknownId;
        }
    }

    /// <summary>[batch, time, Columns] int64 ids of right-padded token rows (padding positions are all 0).</summary>
    public Tensor Encode(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int time = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        var ids = new long[rows.Count * time * Columns];
        for (int r = 0; r < rows.Count; r++)
            for (int t = 0; t < rows[r].Count; t++)
                Encode(rows[r][t], ids.AsSpan((r * time + t) * Columns, Columns));
        return tensor(ids, [rows.Count, time, Columns]);
    }

    /// <summary>[batch, time] bool, true on real tokens.</summary>
    public static Tensor Mask(IReadOnlyList<int> lengths)
    {
        int time = Math.Max(1, lengths.Count == 0 ? 0 : lengths.Max());
        var mask = new bool[lengths.Count * time];
        for (int r = 0; r < lengths.Count; r++)
            for (int t = 0; t < lengths[r]; t++) mask[r * time + t] = true;
        return tensor(mask, [lengths.Count, time]);
    }

    /// <summary>The characters of training tokens, most frequent first (ties by code point), for a new model.</summary>
    public static string CollectCharacters(IEnumerable<string> tokens)
    {
        var counts = new Dictionary<Rune, int>();
        foreach (var token in tokens)
            foreach (var character in Normalise(token).EnumerateRunes()) counts[character] = counts.GetValueOrDefault(character) + 1;
        return string.Concat(counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key.ToString()));
    }
}
