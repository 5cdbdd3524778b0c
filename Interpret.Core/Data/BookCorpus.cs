using System.Text;

namespace Interpret.Core.Data;

/// <summary>
/// Project Gutenberg novels as plain text (../shared/data/lm/litbank_gutenberg/books): hard-wrapped lines joined,
/// one paragraph per blank-line-separated block. Books are read in file-name order so every run sees the same text.
/// </summary>
public static class BookCorpus
{
    public sealed record Book(string Name, IReadOnlyList<string> Paragraphs);

    public static IReadOnlyList<string> BookNames(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Book folder {directory} does not exist.");
        var names = Directory.GetFiles(directory, "*.txt").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidDataException($"{directory} has no .txt books.");
        return names!;
    }

    public static Book Read(string path) => new(Path.GetFileName(path), Paragraphs(File.ReadLines(path)));

    /// <summary>Joins hard-wrapped lines; a blank line ends a paragraph.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in lines.Append(""))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Length > 0) paragraphs.Add(current.ToString());
                current.Clear();
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        return paragraphs;
    }
}
