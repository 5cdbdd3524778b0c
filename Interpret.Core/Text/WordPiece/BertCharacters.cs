using System.Globalization;
using System.Text;

namespace Interpret.Core.Text.WordPiece;

/// <summary>BERT's character classes and its per-character normalisation (lower-case, NFD, drop Mn marks),
/// with the same definitions as the reference BasicTokenizer so the pieces, and hence the ids, agree.</summary>
internal static class BertCharacters
{
    public enum Kind { Removed, Space, Cjk, Other }

    /// <summary>What the cleaning step does with a character of the text as typed.</summary>
    public static Kind Classify(Rune r)
    {
        int cp = r.Value;
        if (cp < 128)
        {
            if (cp is ' ' or '\t' or '\n' or '\r') return Kind.Space;
            return cp < 32 || cp == 127 ? Kind.Removed : Kind.Other;
        }
        if (cp == 0xFFFD) return Kind.Removed;
        var category = Rune.GetUnicodeCategory(r);
        // Every C* category (control, format such as the zero-width space, unassigned, private use) is dropped.
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate) return Kind.Removed;
        // Zs is BERT's whitespace; line and paragraph separators survive cleaning but Python's str.split() splits on them.
        if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            return Kind.Space;
        return IsCjk(cp) ? Kind.Cjk : Kind.Other;
    }

    /// <summary>The CJK Unified Ideographs blocks (not kana, not Hangul), which BERT splits into one token each.</summary>
    static bool IsCjk(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF
            or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF
            or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    /// <summary>BERT's punctuation: all non-alphanumeric ASCII symbols (so $, ^, ` count) plus every Unicode P* category.</summary>
    public static bool IsPunctuation(Rune r)
    {
        int cp = r.Value;
        if (cp is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126) return true;
        if (cp < 128) return false;
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    // Normalising a character costs two string allocations, so each BMP character's result is computed once.
    // A racing write stores the same string, so no lock is needed.
    static readonly string?[] LowerStripped = new string?[0x10000];

    /// <summary>A character lower-cased, decomposed (NFD) and stripped of non-spacing marks: "Å" → "a",
    /// "ü" → "u", a combining accent → "", a Hangul syllable → its jamo. May be empty or several characters.</summary>
    public static string LowerAndStrip(Rune r)
    {
        if (!r.IsBmp) return Compute(r);
        return LowerStripped[r.Value] ??= Compute(r);
    }

    static string Compute(Rune r)
    {
        // Decompose before lower-casing too: .NET lower-cases one character to one character, so "İ" must first
        // become "I" + combining dot (which is then dropped) to give Python's "i".
        var decomposed = r.ToString().Normalize(NormalizationForm.FormD).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var part in decomposed.EnumerateRunes())
            if (Rune.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) kept.Append(part);
        return kept.ToString();
    }
}
