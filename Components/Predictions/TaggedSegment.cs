using Interpret.Results;

namespace Interpret.Components;

/// <summary>A run of a tagged sentence: one token outside any entity, or all tokens of one entity together with its
/// index in <c>Prediction.Entities</c> (= the labeled instance index a method's <c>Instance</c> option takes), its
/// label and its probability.</summary>
public sealed record TaggedSegment(IReadOnlyList<TaggedToken> Tokens, int? Entity = null, InstanceLabel? Label = null, double? Probability = null)
{
    public bool IsEntity => Entity is not null;

    public string Words => string.Join(' ', Tokens.Select(t => t.Text));
}
