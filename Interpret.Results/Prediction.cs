namespace Interpret.Results;

/// <summary>A model's answer for one input: the predicted label and the probability of every label,
/// with the fields as the model tokenised them. Taggers (NER) also give one tag per token of their field
/// (<see cref="Tags"/>) and the entities those tags make (<see cref="Entities"/>: kind "tag", the entity type as
/// value, field, token span); their <see cref="Label"/> is a readable summary and their probabilities are per entity,
/// in the order of <see cref="Entities"/>. Classifiers leave both null. Masked LMs give their guesses per [MASK]
/// (<see cref="Masks"/>); their label is the top word of each mask and their probabilities those words' probabilities,
/// one per mask in order. Readers give their best answer spans, best first (<see cref="Spans"/>); their label is the
/// best span's text and their probabilities those spans' probabilities, in the same order. Coreference models give their
/// clusters of two or more mentions (<see cref="Clusters"/>); their label lists each cluster's mentions ("the nurse = she ·
/// …") and their probabilities are per cluster, in the same order.</summary>
public sealed record Prediction(string Model, string Label, IReadOnlyList<LabelProbability> Probabilities, IReadOnlyList<Field> Fields,
    IReadOnlyList<string>? Tags = null, IReadOnlyList<InstanceLabel>? Entities = null, IReadOnlyList<MaskPrediction>? Masks = null,
    IReadOnlyList<AnswerSpan>? Spans = null, IReadOnlyList<CorefCluster>? Clusters = null)
{
    public double ProbabilityOf(string label) => Probabilities.FirstOrDefault(p => p.Label == label)?.Probability ?? 0;
}
