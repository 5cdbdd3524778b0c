namespace Interpret.Results;

/// <summary>Per-token saliency for one field. Raw scores are signed: positive supports the target.
/// Normalized scores follow AllenNLP Interpret: |raw| / Σ|raw| over all fields of the instance.</summary>
public sealed record FieldScores(string Name, string Text, IReadOnlyList<Token> Tokens, IReadOnlyList<double> Raw, IReadOnlyList<double> Normalized);
