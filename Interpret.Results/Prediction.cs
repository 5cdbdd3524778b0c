namespace Interpret.Results;

/// <summary>A model's answer for one input: the predicted label and the probability of every label,
/// with the fields as the model tokenised them.</summary>
public sealed record Prediction(string Model, string Label, IReadOnlyList<LabelProbability> Probabilities, IReadOnlyList<Field> Fields)
{
    public double ProbabilityOf(string label) => Probabilities.FirstOrDefault(p => p.Label == label)?.Probability ?? 0;
}
