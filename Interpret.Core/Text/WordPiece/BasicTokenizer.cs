using System.Text;

namespace Interpret.Core.Text.WordPiece;

/// <summary>
/// BERT's basic tokenisation, in one pass over the text as typed: special tokens such as "[MASK]" are kept whole;
/// control and format characters are dropped; whitespace separates words; each CJK ideograph and each punctuation
/// character is a word of its own; when lower-casing, characters are lower-cased and stripped of accents.
/// Every normalised character remembers where it came from.
/// </summary>
internal sealed class BasicTokenizer
{
    readonly bool _lowerCase;
    readonly (string Token, int Id)[] _neverSplit;

    public BasicTokenizer(bool lowerCase, IEnumerable<(string Token, int Id)> neverSplit)
    {
        _lowerCase = lowerCase;
        _neverSplit = [.. neverSplit];
    }

    public void Split(string text, BasicWords into)
    {
        into.Clear();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 128)
            {
                // ASCII is most text; deciding it inline is what makes the tokenizer fast.
                if (c == '[' && MatchSpecial(text, i) is { } special)
                {
                    into.AddSpecial(special.Token, special.Id, i);
                    i += special.Token.Length;
                    continue;
                }
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') into.Append(c, i, i + 1);
                else if (c is >= 'A' and <= 'Z') into.Append(_lowerCase ? (char)(c + 32) : c, i, i + 1);
                else if (c is ' ' or '\t' or '\n' or '\r') into.Break();
                else if (c >= 32 && c != 127) AppendPunctuation(c, i, i + 1, into);
                i++;
                continue;
            }
            // An unpaired surrogate decodes as U+FFFD, which cleaning drops.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int length);
            int end = i + length;
            switch (BertCharacters.Classify(rune))
            {
                case BertCharacters.Kind.Space:
                    into.Break();
                    break;
                case BertCharacters.Kind.Cjk:
                    into.Break();
                    AppendNormalised(rune, i, end, into);
                    into.Break();
                    break;
                case BertCharacters.Kind.Other:
                    AppendNormalised(rune, i, end, into);
                    break;
            }
            i = end;
        }
        into.EndWord();
    }

    (string Token, int Id)? MatchSpecial(string text, int at)
    {
        foreach (var special in _neverSplit)
            if (text.AsSpan(at).StartsWith(special.Token, StringComparison.Ordinal)) return special;
        return null;
    }

    void AppendNormalised(Rune rune, int start, int end, BasicWords into)
    {
        if (!_lowerCase)
        {
            AppendRune(rune, start, end, into);
            return;
        }
        var normalised = BertCharacters.LowerAndStrip(rune);
        if (normalised.Length == 0)
        {
            into.ExtendLast(end);
            return;
        }
        foreach (var part in normalised.EnumerateRunes()) AppendRune(part, start, end, into);
    }

    static void AppendRune(Rune rune, int start, int end, BasicWords into)
    {
        bool punctuation = BertCharacters.IsPunctuation(rune);
        if (punctuation) into.EndWord();
        Span<char> units = stackalloc char[2];
        int n = rune.EncodeToUtf16(units);
        for (int k = 0; k < n; k++) into.Append(units[k], start, end);
        if (punctuation) into.EndWord();
    }

    static void AppendPunctuation(char c, int start, int end, BasicWords into)
    {
        into.EndWord();
        into.Append(c, start, end);
        into.EndWord();
    }
}
