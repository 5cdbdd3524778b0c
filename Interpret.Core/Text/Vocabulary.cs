namespace Interpret.Core.Text;

/// <summary>A token ↔ id table. Id 0 is padding and id 1 the unknown token; the file is one token per line,
/// line number = id, so it reads like a BERT vocab.txt.</summary>
public sealed class Vocabulary : ITokenVocabulary
{
    public const string Padding = "@@PADDING@@";
    public const string Unknown = "@@UNKNOWN@@";
    public const int PaddingId = 0;
    public const int UnknownId = 1;

    readonly List<string> _tokens;
    readonly Dictionary<string, int> _ids;

    public Vocabulary(IEnumerable<string> tokens)
    {
        _tokens = [Padding, Unknown, .. tokens.Where(t => t is not Padding and not Unknown)];
        _ids = new Dictionary<string, int>(_tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < _tokens.Count; i++)
            if (!_ids.TryAdd(_tokens[i], i)) throw new ArgumentException($"Token '{_tokens[i]}' is listed twice in the vocabulary.");
    }

    public int Count => _tokens.Count;
    public string this[int id] => _tokens[id];
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : UnknownId;
    public bool Contains(string token) => _ids.ContainsKey(token);
    public bool Knows(string token) => _ids.TryGetValue(token, out var id) && id != UnknownId;
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Tokens seen at least <paramref name="minCount"/> times, most frequent first (ties by ordinal order).</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> sentences, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
            foreach (var token in sentence)
                counts[token] = counts.GetValueOrDefault(token) + 1;
        return new Vocabulary(counts.Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key));
    }

    public static Vocabulary Load(string path) => new(File.ReadAllLines(path).Skip(2));

    public void Save(string path) => File.WriteAllLines(path, _tokens);
}
