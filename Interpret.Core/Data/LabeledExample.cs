namespace Interpret.Core.Data;

/// <summary>A pre-tokenised example of a text classification task: one token list per input field (one for
/// sentiment, premise and hypothesis for entailment) and the gold label.</summary>
public sealed record LabeledExample(IReadOnlyList<IReadOnlyList<string>> Fields, string Label);
