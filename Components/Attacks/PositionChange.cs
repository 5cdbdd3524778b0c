using Interpret.Results;

namespace Interpret.Components;

/// <summary>What the steps so far did to one position of a field: the step that last changed it and the change.</summary>
public sealed record PositionChange(int Step, TokenChange Change)
{
    public bool Removed => Change.After is null;
}
