using Interpret.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Interpret.Components;

/// <summary>A HotFlip attack: original and adversarial tokens aligned by position with the flipped words marked,
/// the prediction before and after, and the list of steps. Streaming: pass each new (longer) record as it arrives;
/// everything is recomputed from the record on every parameter set.
/// Usage: <c>&lt;FlipDiff Attack="@attack" /&gt;</c>.</summary>
public partial class FlipDiff
{
    [Parameter] public Attack? Attack { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    IReadOnlyList<FieldDiff> _diffs = [];
    IReadOnlyList<Field> _untouched = [];
    Prediction _latest = null!;

    protected override void OnParametersSet()
    {
        if (Attack is null) return;
        _diffs = AttackDiff.Attacked(Attack);
        _untouched = AttackDiff.Untouched(Attack, _diffs);
        _latest = AttackDiff.Latest(Attack);
    }

    string StatusText => Attack switch
    {
        { Complete: false } => "running…",
        { Succeeded: true } => "prediction flipped",
        _ => "prediction held",
    };

    Color StatusColor => Attack switch
    {
        { Complete: false } => Color.Info,
        { Succeeded: true } => Color.Error,
        _ => Color.Success,
    };
}
