using System.Text.RegularExpressions;

namespace Interpret.Core.Data;

/// <summary>
/// WikiText-2's tokenised <c>.tokens</c> files as running text for masked-LM evaluation: section headings
/// (" = = Title = = ") dropped, the "@-@", "@,@" and "@.@" number splits undone, and the dataset's own
/// <c>&lt;unk&gt;</c> written as <c>[UNK]</c> so a WordPiece tokenizer keeps it as one token that is never scored.
/// </summary>
public static partial class WikiTextReader
{
    [GeneratedRegex(@"^\s*=( =)* .* =( =)*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@" @(.)@ ")]
    private static partial Regex NumberSplit();

    public static IReadOnlyList<string> Paragraphs(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.", path);
        return File.ReadLines(path)
            .Where(line => line.Trim().Length > 0 && !Heading().IsMatch(line))
            .Select(line => NumberSplit().Replace(line.Trim(), "$1").Replace("<unk>", "[UNK]"))
            .ToList();
    }
}
