namespace Interpret.Core.Predictors;

/// <summary>Explicit bounds on user input, checked before any model work.</summary>
public sealed record InputLimits(int MaxCharacters = 5_000, int MaxTokens = 256)
{
    public static InputLimits Default { get; } = new();

    public void CheckText(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException($"The '{field}' field is empty; type some text to interpret.", field);
        if (!HasVisibleCharacter(text))
            throw new InputException($"The '{field}' field has no visible characters (only spaces, control or zero-width characters); type some text to interpret.", field);
        if (text.Length > MaxCharacters)
            throw new InputException($"The '{field}' field has {text.Length:N0} characters; the limit is {MaxCharacters:N0}.", field);
        if (UnpairedSurrogate(text) is { } at)
            throw new InputException($"The '{field}' field is not valid Unicode: an unpaired surrogate U+{(int)text[at]:X4} at character {at:N0}.", field);
    }

    /// <summary>Text of only zero-width, control or format characters (NUL, U+200B, U+200D, RTL marks) would reach a
    /// model as no tokens at all, or BERT as a bare [CLS] [SEP]: it is as empty as "".</summary>
    static bool HasVisibleCharacter(string text)
    {
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format))
                return true;
        return false;
    }

    /// <summary>The index of the first UTF-16 surrogate without its partner (JSON's "\ud800" decodes to one), which
    /// no UTF-8 answer could carry.</summary>
    static int? UnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return i;
        }
        return null;
    }

    public void CheckTokens(string field, int count)
    {
        if (count == 0) throw new InputException($"The '{field}' field has no tokens.", field);
        if (count > MaxTokens) throw new InputException($"The '{field}' field has {count:N0} tokens; the limit is {MaxTokens:N0}.", field);
    }
}
