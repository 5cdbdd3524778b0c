namespace Interpret.Core.Data;

/// <summary>One sentence of a CoNLL file: its tokens and their NER tags as the file writes them.</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);

/// <summary>
/// Reads the CoNLL-2003 layout: one token per line with whitespace-separated columns (token first, NER tag last,
/// e.g. "token POS chunk NER"), a blank line between sentences, and "-DOCSTART-" lines between documents (skipped).
/// Any file of that layout works, whatever its tag scheme (IOB1 as in CoNLL-2003, or BIO); convert with
/// <see cref="Tagging.BioTags.ToBio"/> where BIO is needed.
/// </summary>
public static class ConllReader
{
    public static List<TaggedSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No CoNLL file at {path}.", path);
        return Parse(File.ReadLines(path), path);
    }

    public static List<TaggedSentence> Parse(IEnumerable<string> lines, string source = "input")
    {
        var sentences = new List<TaggedSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        int number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }
            var columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 2)
                throw new InvalidDataException($"{source} line {number}: expected 'token … tag', got '{line}'.");
            tokens.Add(columns[0]);
            tags.Add(columns[^1]);
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count == 0) return;
            sentences.Add(new TaggedSentence(tokens.ToArray(), tags.ToArray()));
            tokens.Clear();
            tags.Clear();
        }
    }
}
