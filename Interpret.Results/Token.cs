namespace Interpret.Results;

/// <summary>A model token and the characters [Start, End) of the field's text it came from.
/// A token that is not in the typed text (e.g. a word put there by an attack) has Start = End = -1.</summary>
public sealed record Token(string Text, int Start, int End)
{
    public static Token Inserted(string text) => new(text, -1, -1);
}
