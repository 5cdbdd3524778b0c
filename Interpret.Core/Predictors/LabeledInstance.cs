using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>An input together with the label whose objective gets differentiated. Target holds the label as ids
/// in the model's own terms: one class index for a classifier (one per token for a tagger, one per mask for an MLM).</summary>
public sealed record LabeledInstance(TextInstance Input, InstanceLabel Label, IReadOnlyList<long> Target);
