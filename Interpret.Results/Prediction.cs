namespace Interpret.Results;

/// <summary>A model's answer for one input: the predicted label and the probability of every label,
/// with the fields as the model tokenised them. Taggers (NER) also give one tag per token of their field
/// (<see cref="Tags"/>) and the entities those tags make (<see cref="Entities"/>: kind "tag", the entity type as
/// value, field, token span); their <see cref="Label"/> is a readable summary and their probabilities are per entity,
/// in the order of <see cref="Entities"/>. Classifiers leave both null.</summary>
public sealed record Prediction(string Model, string Label, IReadOnlyList<LabelProbability> Probabilities, IReadOnlyList<Field> Fields,
    IReadOnlyList<string>? Tags = null, IReadOnlyList<InstanceLabel>? Entities = null)
{
    public double ProbabilityOf(string label) => Probabilities.FirstOrDefault(p => p.Label == label)?.Probability ?? 0;
}
