namespace Interpret.Results;

/// <summary>What one labeled instance asks about: a class, a tag over a token span, a word at a position.
/// Field, Start and End (token indices, End exclusive) are set for labels that point into the input.</summary>
public sealed record InstanceLabel(string Kind, string Value, string? Field = null, int? Start = null, int? End = null)
{
    public static InstanceLabel Class(string label) => new("class", label);
}
