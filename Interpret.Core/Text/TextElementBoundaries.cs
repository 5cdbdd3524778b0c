using System.Globalization;
using System.Text;

namespace Interpret.Core.Text;

/// <summary>
/// Where the user-perceived characters (extended grapheme clusters, as <see cref="StringInfo"/> finds them) of a text
/// begin and end, so a token can be widened to whole characters: an emoji, a flag (a pair of regional indicators), a
/// ZWJ family sequence or a letter with its combining marks is never cut in two.
/// </summary>
internal readonly struct TextElementBoundaries
{
    // Null for ASCII text, where every index is a boundary (CR LF is one element, but whitespace is never in a token).
    readonly bool[]? _isBoundary;

    TextElementBoundaries(bool[] isBoundary) => _isBoundary = isBoundary;

    public static TextElementBoundaries Of(string text)
    {
        if (Ascii.IsValid(text)) return default;
        var isBoundary = new bool[text.Length + 1];
        for (int i = 0; i < text.Length; i += StringInfo.GetNextTextElementLength(text, i)) isBoundary[i] = true;
        isBoundary[text.Length] = true;
        return new TextElementBoundaries(isBoundary);
    }

    /// <summary>The first boundary at or after <paramref name="index"/>: where the character containing it ends.</summary>
    public int AtOrAfter(int index)
    {
        if (_isBoundary is null) return index;
        while (!_isBoundary[index]) index++;
        return index;
    }
}
