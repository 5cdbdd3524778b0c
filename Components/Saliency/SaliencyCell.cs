namespace Interpret.Components;

/// <summary>One token of a saliency view, with the score shown, its rank across all fields and its colour.</summary>
public sealed record SaliencyCell(string Field, int Position, string Text, double Raw, double Normalized, double Score,
    int Rank, TokenColor Color, bool InLabelSpan);
