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

    /// <summary>When set, a "Use as input" button hands over the adversarial text of every field (field → text, see
    /// <see cref="AdversarialText"/>), e.g. to put it into the input boxes.</summary>
    [Parameter] public EventCallback<IReadOnlyDictionary<string, string>> OnUseAsInput { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    IReadOnlyList<FieldDiff> _diffs = [];
    IReadOnlyList<Field> _untouched = [];
    Prediction _latest = null!;
    List<string> _changed = [];
    string? _labelLine;
    double? _labelAfter;
    string? _stopReason;
    readonly string _outcomeId = $"attack-outcome-{Guid.NewGuid()}";

    bool Targeted => Attack?.Options.Target is not null;

    protected override void OnParametersSet()
    {
        if (Attack is null) return;
        _diffs = AttackDiff.Attacked(Attack);
        _untouched = AttackDiff.Untouched(Attack, _diffs);
        _latest = AttackDiff.Latest(Attack);
        _changed = _diffs.SelectMany(d => d.Changes.OrderBy(c => c.Key).Select(c => $"{c.Value.Change.Before} → {c.Value.Change.After ?? "∅"}")).ToList();
        _labelAfter = Attack.Steps.Count > 0 ? Attack.Steps[^1].LabelProbabilityAfter : Attack.LabelProbabilityBefore;
        _labelLine = Attack.LabelProbabilityBefore is { } before && _labelAfter is { } after
            ? $"{(Targeted ? "target" : "original label")} “{Attack.Label.Value}”: {Format.Probability(before)} before, {Format.Probability(after)} now"
            : null;
        _stopReason = StopReason(Attack);
    }

    /// <summary>Why a finished attack stopped short: the flip cap, or no word left that may be flipped.</summary>
    string? StopReason(Attack attack)
    {
        if (!attack.Complete || attack.Succeeded) return null;
        var goal = Targeted ? "reaching the target" : "changing the prediction";
        return attack.Options.MaxFlips is int cap && attack.Steps.Count >= cap
            ? $"Stopped at the cap of {cap} flips without {goal}; raise Max flips to go on."
            : $"Stopped after {attack.Steps.Count} {(attack.Steps.Count == 1 ? "flip" : "flips")} without {goal}: no word left that may be flipped (punctuation, words already flipped and the words being explained stay).";
    }

    string StatusText => Attack switch
    {
        { Complete: false } => "running…",
        { Succeeded: true } => Targeted ? "target reached" : "prediction flipped",
        _ => Targeted ? "target not reached" : "prediction held",
    };

    Task UseAsInputAsync() => Attack is null ? Task.CompletedTask : OnUseAsInput.InvokeAsync(AdversarialText.Of(Attack));

    Color StatusColor => Attack switch
    {
        { Complete: false } => Color.Info,
        { Succeeded: true } => Color.Error,
        _ => Color.Success,
    };
}
