using System.Text.RegularExpressions;
using Interpret.Results;

namespace Interpret.Core.Text;

/// <summary>
/// Penn-Treebank-style word tokenisation, as the SST, SNLI and CoNLL-2003 files were made: punctuation split off,
/// clitics separated ("it's" → "it 's", "don't" → "do n't"), "..." and "--" kept whole, hyphenated words kept whole.
/// Following the treebank, a period stays on abbreviations ("Mr.", "U.S.", "a.m."), single-letter initials ("J.") and
/// list numbers at the start of a line ("1."), except at the very end of the text, where it ends the sentence
/// ("in the U.S." → "U.S" + ".", as CoNLL-2003 writes it); numbers keep their separators and sign ("3,000",
/// "1,230.5", "10-12", "1:23.45", "+0.435"), names their apostrophes ("O'Brien"), and e-mail addresses and
/// currencies such as "C$" stay whole. Double quotes follow <see cref="PtbQuotes"/>.
/// Tokens are whole user-perceived characters (an emoji or a flag is one token, a combining mark stays on its
/// letter), and every token keeps its range in UTF-16 units of the text as typed, so scores map back onto what the
/// user wrote.
/// </summary>
public sealed partial class PtbTokenizer : ITextTokenizer
{
    readonly bool _lowerCase;
    readonly PtbQuotes _quotes;

    public PtbTokenizer(bool lowerCase, PtbQuotes quotes = PtbQuotes.Directional)
    {
        _lowerCase = lowerCase;
        _quotes = quotes;
    }

    // The first alternative that matches at a position wins, so the order is the tokenisation policy. A period that
    // only closing quotes or brackets follow ends the text's sentence (NotFinal). \p{M} keeps combining marks in words.
    const string NotFinal = @"(?![\s""'”’)\]]*$)";
    const string Word = @"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?i:mr|mrs|ms|dr|st|vs|jr|sr|prof|inc|ltd|co|corp|bros|etc|gen|gov|sen|rep|" +
            @"jan|feb|aug|sept?|oct|nov|dec|calif|fla|mich)\." + NotFinal + "|" +        // abbreviations keep their period
        @"(?<![\p{L}\p{N}])No\.(?=\s*\p{N})|" +                                     // "No. 1"
        @"\p{L}\p{M}*(?:\.\p{L}\p{M}*)+(?:\." + NotFinal + ")?(?:-" + Word + ")*|" +  // U.S., a.m., e.g., U.S.-led
        @"(?<![\p{L}\p{N}])\p{Lu}\p{M}*\." + NotFinal + "|" +                        // initials: J. Smith
        @"(?<=(?:^|\n)[^\S\n]*)\p{N}+\.(?=\s)" + NotFinal + "|" +                    // list numbers: "1. Smith"
        @"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|" +                  // e-mail addresses
        @"(?<![\p{L}\p{N}])\p{Lu}{1,2}\$|" +                                          // currencies: C$, US$
        Word + @"(?=(?i:n['’]t)(?:\W|$))|" +                                              // "do" of "don't"
        @"(?i:n['’]t)(?=\W|$)|['’](?i:s|re|ve|ll|d|m)(?=\W|$)|" +                       // clitics
        @"(?:(?<![\p{L}\p{N}])\+(?=\p{N}))?" + Word +                                  // a word or a (signed) number,
            @"(?:(?:[-/&.]|(?<=\p{N})[,:](?=\p{N})|['’](?!(?i:s|re|ve|ll|d|m)(?:\W|$)))" + Word + ")*" + // joined by - / & . , : '
            @"(?:-(?=\s))?|" +                                                               // "multi- ethnic", "6- 4"
        @"(?<![\p{L}\p{N}.])\.\p{N}+|" +                                               // decimals without a zero: .596
        @"\.\.\.|…|--|``|''|" +                                                          // multi-character punctuation
        @"\S",                                                                              // any other character
        RegexOptions.CultureInvariant)]
    private static partial Regex Pieces();

    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = TextElementBoundaries.Of(text);
        var tokens = new List<Token>();
        for (var m = Pieces().Match(text); m.Success; m = Pieces().Match(text, tokens[^1].End))
        {
            // A match ends inside a character when it stops before a combining mark, a skin tone, the second half of
            // a surrogate pair or of a flag, or a joiner: the token takes the rest of that character.
            int end = characters.AtOrAfter(m.Index + m.Length);
            tokens.Add(new Token(Normalise(text, m.Index, text[m.Index..end]), m.Index, end));
        }
        return tokens;
    }

    string Normalise(string text, int start, string value)
    {
        value = value switch
        {
            "\"" or "“" or "”" when _quotes == PtbQuotes.Straight => "\"",
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
