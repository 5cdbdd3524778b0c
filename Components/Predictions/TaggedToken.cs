namespace Interpret.Components;

/// <summary>One token of a tagged sentence: its position in the field, its text, its tag (BIO, e.g. "B-ORG" or "O")
/// and the whitespace the typed text has before it (so the sentence reads as typed: "Seattle." stays together).</summary>
public sealed record TaggedToken(int Position, string Text, string Tag, string SpaceBefore);
