namespace Interpret.Results;

/// <summary>One input field (e.g. "text", "premise", "hypothesis") as the model tokenised it.</summary>
public sealed record Field(string Name, string Text, IReadOnlyList<Token> Tokens);
