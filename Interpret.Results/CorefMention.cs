namespace Interpret.Results;

/// <summary>One mention of a coreference cluster: its text as typed, the field, its token span [Start, End) and its
/// character range [CharStart, CharEnd) in the field's text as typed.</summary>
public sealed record CorefMention(string Text, string Field, int Start, int End, int CharStart, int CharEnd);
