namespace Interpret.Core.Data;

/// <summary>A pre-tokenised sentence with its gold label, as dataset files give them.</summary>
public sealed record LabeledSentence(IReadOnlyList<string> Tokens, string Label);
