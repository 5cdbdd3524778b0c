using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>An input-reduction attack: the original tokens with the removed ones struck through, the reduced input,
/// a timeline with one entry per step (what went, and the confidence of the original label after it), and that
/// confidence before and after. Streaming: pass each new record as it arrives.
/// Usage: <c>&lt;ReductionView Attack="@attack" /&gt;</c>.</summary>
public partial class ReductionView
{
    [Parameter] public Attack? Attack { get; set; }

    /// <summary>When set, a button hands over the reduced text of every field (field → text, see
    /// <see cref="AdversarialText"/>), e.g. to put it into the input boxes.</summary>
    [Parameter] public EventCallback<IReadOnlyDictionary<string, string>> OnUseAsInput { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    IReadOnlyList<FieldDiff> _diffs = [];
    IReadOnlyList<Field> _untouched = [];
    string _label = "";
    double _before, _after;
    int _originalCount, _remainingCount;

    protected override void OnParametersSet()
    {
        if (Attack is null) return;
        _diffs = AttackDiff.Attacked(Attack);
        _untouched = AttackDiff.Untouched(Attack, _diffs);
        _label = AttackDiff.TrackedLabel(Attack);
        _before = Attack.Original.ProbabilityOf(_label);
        _after = AttackDiff.Latest(Attack).ProbabilityOf(_label);
        _originalCount = _diffs.Sum(d => d.Field.Tokens.Count);
        _remainingCount = _diffs.Sum(d => d.Remaining.Count());
    }

    Task UseAsInputAsync() => Attack is null ? Task.CompletedTask : OnUseAsInput.InvokeAsync(AdversarialText.Of(Attack));
}
