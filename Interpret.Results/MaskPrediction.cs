namespace Interpret.Results;

/// <summary>A masked LM's guesses for one [MASK]: the token index of the mask in its field and the top words with
/// their probabilities, most likely first.</summary>
public sealed record MaskPrediction(string Field, int Position, IReadOnlyList<LabelProbability> Top);
