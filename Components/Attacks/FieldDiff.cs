using Interpret.Results;

namespace Interpret.Components;

/// <summary>One attacked field: its original tokens and the change at each touched position.</summary>
public sealed record FieldDiff(Field Field, IReadOnlyDictionary<int, PositionChange> Changes)
{
    /// <summary>The token at a position after the steps so far; null once removed.</summary>
    public string? After(int position) =>
        Changes.TryGetValue(position, out var c) ? c.Change.After : Field.Tokens[position].Text;

    /// <summary>The tokens still present, in order.</summary>
    public IEnumerable<string> Remaining =>
        Enumerable.Range(0, Field.Tokens.Count).Select(After).OfType<string>();
}
