namespace Interpret.Core.Coreference;

/// <summary>
/// Reads the CoNLL-2012 coreference layout (LitBank, WinoBias, OntoNotes): "#begin document (name); part n" …
/// "#end document" blocks, one token per line with tab- or space-separated columns (word in the fourth, the
/// coreference column last), a blank line between sentences. The coreference column is "-", "_" or empty for no
/// mention, else parts joined by "|": "(12" opens a mention of cluster 12, "12)" closes the latest open one, "(12)"
/// is a one-token mention. Clusters come out in order of their first mention.
/// </summary>
public static class CorefConllReader
{
    public static List<CorefDocument> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No CoNLL file at {path}.", path);
        return Parse(File.ReadLines(path), path);
    }

    /// <summary>Every file of a folder (sorted by name), a single file, or a comma-separated list of either.</summary>
    public static List<CorefDocument> ReadAll(string paths) =>
        paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p])
            .SelectMany(Read).ToList();

    public static List<CorefDocument> Parse(IEnumerable<string> lines, string source = "input")
    {
        var documents = new List<CorefDocument>();
        Builder? current = null;
        int number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r', '\n');
            if (line.StartsWith("#begin document", StringComparison.Ordinal))
            {
                current = new Builder(NameOf(line));
                continue;
            }
            if (line.StartsWith("#end document", StringComparison.Ordinal))
            {
                if (current is not null) documents.Add(current.Build(source, number));
                current = null;
                continue;
            }
            if (line.Trim().Length == 0)
            {
                current?.EndSentence();
                continue;
            }
            if (current is null) throw new InvalidDataException($"{source}:{number}: a token line outside '#begin document' … '#end document'.");
            var columns = line.Contains('\t') ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 4) throw new InvalidDataException($"{source}:{number}: expected at least 4 columns, got {columns.Length}.");
            current.Add(columns[3], columns.Length > 4 ? columns[^1].Trim() : "", source, number);
        }
        if (current is not null) throw new InvalidDataException($"{source}: document '{current.Name}' has no '#end document'.");
        return documents;
    }

    static string NameOf(string line)
    {
        int open = line.IndexOf('('), close = line.IndexOf(')', open + 1);
        var name = open >= 0 && close > open ? line[(open + 1)..close] : line["#begin document".Length..].Trim();
        int part = line.IndexOf("part", StringComparison.Ordinal);
        var partNumber = part >= 0 ? line[(part + 4)..].Trim() : "";
        return partNumber is "" or "0" or "000" ? name : $"{name}/{partNumber}";
    }

    sealed class Builder(string name)
    {
        public string Name => name;
        readonly List<IReadOnlyList<string>> _sentences = [];
        readonly List<string> _sentence = [];
        readonly Dictionary<string, List<MentionSpan>> _clusters = [];
        readonly List<string> _order = [];
        readonly Dictionary<string, Stack<int>> _open = [];
        int _tokens;

        public void Add(string word, string coref, string source, int number)
        {
            int position = _tokens++;
            _sentence.Add(word);
            if (coref is "" or "-" or "_") return;
            foreach (var part in coref.Split('|'))
            {
                bool opens = part.StartsWith('('), closes = part.EndsWith(')');
                var id = part.Trim('(', ')');
                if (id.Length == 0) throw new InvalidDataException($"{source}:{number}: cannot read the coreference column '{coref}'.");
                if (opens && closes) AddMention(id, new MentionSpan(position, position + 1));
                else if (opens) Open(id).Push(position);
                else if (closes)
                {
                    if (!_open.TryGetValue(id, out var stack) || stack.Count == 0)
                        throw new InvalidDataException($"{source}:{number}: cluster {id} closes a mention it never opened.");
                    AddMention(id, new MentionSpan(stack.Pop(), position + 1));
                }
                else throw new InvalidDataException($"{source}:{number}: cannot read the coreference column '{coref}'.");
            }
        }

        Stack<int> Open(string id) => _open.TryGetValue(id, out var s) ? s : _open[id] = new Stack<int>();

        void AddMention(string id, MentionSpan span)
        {
            if (!_clusters.TryGetValue(id, out var list))
            {
                _clusters[id] = list = [];
                _order.Add(id);
            }
            if (!list.Contains(span)) list.Add(span);
        }

        public void EndSentence()
        {
            if (_sentence.Count == 0) return;
            _sentences.Add(_sentence.ToList());
            _sentence.Clear();
        }

        public CorefDocument Build(string source, int number)
        {
            EndSentence();
            if (_open.FirstOrDefault(o => o.Value.Count > 0) is { Key: { } unclosed })
                throw new InvalidDataException($"{source}:{number}: document '{name}' ends with a mention of cluster {unclosed} still open.");
            // Clusters in order of their first mention; mentions in document order.
            var clusters = _order.Select(id => (IReadOnlyList<MentionSpan>)_clusters[id].OrderBy(m => m.Start).ThenBy(m => m.End).ToList())
                .OrderBy(c => c[0].Start).ThenBy(c => c[0].End).ToList();
            return new CorefDocument(name, _sentences.ToList(), clusters);
        }
    }
}
