namespace Interpret.Core.Text.WordPiece;

/// <summary>
/// A WordPiece vocabulary as in a BERT vocab.txt: one token per line, line number = id. Word-initial pieces are
/// plain ("play"), continuations start with "##" ("##ing"), and bracketed entries ("[CLS]", "[unused3]") are markers
/// that ordinary text never produces, except that the upper-case ones ("[MASK]") are recognised when typed.
/// </summary>
public sealed class WordPieceVocabulary : Interpret.Core.Text.ITokenVocabulary
{
    public const string Padding = "[PAD]", Unknown = "[UNK]", Classification = "[CLS]", Separator = "[SEP]", Mask = "[MASK]";
    public const string ContinuationPrefix = "##";

    /// <summary>Longer words are not segmented but become [UNK], as in BERT.</summary>
    public const int MaxInputCharsPerWord = 100;

    readonly string[] _tokens;
    readonly Dictionary<string, int> _ids;
    // Pieces keyed without their "##", so a word's characters can be looked up as spans without building strings.
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _initial, _continuation;

    public WordPieceVocabulary(IEnumerable<string> tokens)
    {
        _tokens = [.. tokens];
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        var initial = new Dictionary<string, int>(StringComparer.Ordinal);
        var continuation = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < _tokens.Length; id++)
        {
            var token = _tokens[id];
            if (token.Length == 0) throw new FormatException($"Vocabulary line {id + 1} is empty.");
            if (!_ids.TryAdd(token, id)) throw new FormatException($"Token '{token}' is listed twice in the vocabulary (lines {_ids[token] + 1} and {id + 1}).");
            if (IsContinuationText(token))
            {
                continuation[token[ContinuationPrefix.Length..]] = id;
                MaxPieceLength = Math.Max(MaxPieceLength, token.Length - ContinuationPrefix.Length);
            }
            else
            {
                initial[token] = id;
                MaxPieceLength = Math.Max(MaxPieceLength, token.Length);
            }
        }
        _initial = initial.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuation = continuation.GetAlternateLookup<ReadOnlySpan<char>>();
        PadId = Required(Padding);
        UnkId = Required(Unknown);
        ClsId = Required(Classification);
        SepId = Required(Separator);
        MaskId = Required(Mask);
        NeverSplit = [.. _ids.Where(kv => IsTypedSpecial(kv.Key)).OrderBy(kv => kv.Value).Select(kv => (kv.Key, kv.Value))];
    }

    public static WordPieceVocabulary Load(string path) => new(File.ReadAllLines(path));

    public void Save(string path) => File.WriteAllLines(path, _tokens);

    public int Count => _tokens.Length;
    public string this[int id] => _tokens[id];
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The id of <paramref name="token"/> (a continuation with its "##"), or [UNK]'s id if it is absent.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : UnkId;
    public bool Contains(string token) => _ids.ContainsKey(token);
    public bool Knows(string token) => _ids.TryGetValue(token, out var id) && id != UnkId;

    public int PadId { get; }
    public int UnkId { get; }
    public int ClsId { get; }
    public int SepId { get; }
    public int MaskId { get; }

    /// <summary>A bracketed marker: [PAD], [UNK], [CLS], [SEP], [MASK], or a placeholder such as [unused3].</summary>
    public bool IsSpecial(int id) => IsBracketed(_tokens[id]);
    /// <summary>A piece that continues a word ("##ing").</summary>
    public bool IsContinuation(int id) => IsContinuationText(_tokens[id]);
    /// <summary>A piece that can start a word: neither a continuation nor a marker.</summary>
    public bool IsWholeWord(int id) => !IsSpecial(id) && !IsContinuation(id);

    /// <summary>Special tokens that are kept whole when they appear in text: the bracketed upper-case ones
    /// (for bert-base-uncased exactly the five that HuggingFace's BertTokenizer never splits).</summary>
    internal IReadOnlyList<(string Token, int Id)> NeverSplit { get; }

    /// <summary>The length in UTF-16 units of the longest piece (without "##"): longer spans need not be looked up.</summary>
    internal int MaxPieceLength { get; }

    internal bool TryGetPiece(ReadOnlySpan<char> text, bool continuation, out int id) =>
        (continuation ? _continuation : _initial).TryGetValue(text, out id);

    int Required(string token) => _ids.TryGetValue(token, out var id)
        ? id
        : throw new FormatException($"The vocabulary has no {token} token; a WordPiece vocabulary needs {Padding}, {Unknown}, {Classification}, {Separator} and {Mask}.");

    // "##" alone is not a continuation but could only ever be the (never produced) word "##".
    static bool IsContinuationText(string token) =>
        token.Length > ContinuationPrefix.Length && token.StartsWith(ContinuationPrefix, StringComparison.Ordinal);

    static bool IsBracketed(string token) => token.Length > 2 && token[0] == '[' && token[^1] == ']';

    static bool IsTypedSpecial(string token) => IsBracketed(token) && !token.AsSpan(1, token.Length - 2).ContainsAnyExceptInRange('A', 'Z');
}
