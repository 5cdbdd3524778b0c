namespace Interpret.Results;

/// <summary>One token changed by an attack step. Position indexes the field's original tokens;
/// After is null when the token was removed (input reduction).</summary>
public sealed record TokenChange(string Field, int Position, string Before, string? After);
