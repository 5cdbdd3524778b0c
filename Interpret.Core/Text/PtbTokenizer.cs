using System.Text.RegularExpressions;
using Interpret.Results;

namespace Interpret.Core.Text;

/// <summary>
/// Penn-Treebank-style word tokenisation, as the SST and SNLI files were made: punctuation split off, clitics
/// separated ("it's" → "it 's", "don't" → "do n't"), "..." and "--" kept whole, hyphenated words kept whole,
/// double quotes written as `` and ''. Every token keeps the character range of the text as typed, so scores map
/// back onto what the user wrote.
/// </summary>
public sealed partial class PtbTokenizer : ITextTokenizer
{
    readonly bool _lowerCase;

    public PtbTokenizer(bool lowerCase) => _lowerCase = lowerCase;

    // The first alternative that matches at a position wins, so the order is the tokenisation policy.
    [GeneratedRegex(
        @"(?i:mr|mrs|ms|dr|st|vs|jr|sr|prof|inc|ltd|co|etc)\.|" +      // abbreviations keep their period
        @"[\p{L}\p{N}]+(?=(?i:n['’]t)(?:\W|$))|" +                     // "do" of "don't"
        @"(?i:n['’]t)(?=\W|$)|['’](?i:s|re|ve|ll|d|m)(?=\W|$)|" +      // clitics
        @"[\p{L}\p{N}]+(?:[-/&.][\p{L}\p{N}]+)*|" +                    // words, hyphenated words, numbers
        @"\.\.\.|…|--|``|''|" +                                        // multi-character punctuation
        @"\S",                                                         // any other single character
        RegexOptions.CultureInvariant)]
    private static partial Regex Pieces();

    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        foreach (Match m in Pieces().Matches(text))
            tokens.Add(new Token(Normalise(text, m.Index, m.Value), m.Index, m.Index + m.Length));
        return tokens;
    }

    string Normalise(string text, int start, string value)
    {
        value = value switch
        {
            "\"" => IsOpeningQuote(text, start) ? "``" : "''",
            "“" => "``",
            "”" => "''",
            "…" => "...",
            _ => value.Replace('’', '\''),
        };
        return _lowerCase ? value.ToLowerInvariant() : value;
    }

    static bool IsOpeningQuote(string text, int at) => at == 0 || char.IsWhiteSpace(text[at - 1]) || "([{".Contains(text[at - 1]);
}
