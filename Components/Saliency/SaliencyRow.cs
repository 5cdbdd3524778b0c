namespace Interpret.Components;

/// <summary>The tokens of one input field.</summary>
public sealed record SaliencyRow(string Field, IReadOnlyList<SaliencyCell> Cells);
