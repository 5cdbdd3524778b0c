using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>A masked LM's prediction: the sentence as typed with each [MASK] as a chip showing the best guess (toggle
/// buttons that pick which mask, i.e. labeled instance, to interpret), and for each mask its top words with probability
/// bars. Usage: <c>&lt;MaskPredictions Prediction="@prediction" @bind-SelectedMask="mask" /&gt;</c>.</summary>
public partial class MaskPredictions
{
    /// <summary>A masked LM's prediction (<c>Masks</c> set); any other prediction shows as a plain sentence.</summary>
    [Parameter] public Prediction? Prediction { get; set; }

    /// <summary>The field to show; default the masks' field.</summary>
    [Parameter] public string? Field { get; set; }

    /// <summary>The chosen mask: its index in <c>Prediction.Masks</c> (mask order), which is the <c>Instance</c> option
    /// of a method. Null: none, or "all masks" (the <c>SingleInstance</c> option) when <see cref="AllowAll"/>. Bindable.</summary>
    [Parameter] public int? SelectedMask { get; set; }

    [Parameter] public EventCallback<int?> SelectedMaskChanged { get; set; }

    /// <summary>When set, each candidate word is a button: clicking it selects its mask, then reports the word (e.g. for
    /// a page to use as a method's <c>Target</c>).</summary>
    [Parameter] public EventCallback<string> OnWordChosen { get; set; }

    /// <summary>How many words to list per mask (default 5; the record has up to 10).</summary>
    [Parameter] public int TopK { get; set; } = 5;

    /// <summary>Adds an "All masks" button (when there are two or more) that selects null.</summary>
    [Parameter] public bool AllowAll { get; set; }

    /// <summary>Shows the choice without letting it change (e.g. while a run is going).</summary>
    [Parameter] public bool Disabled { get; set; }

    /// <summary>Element ids are <c>{IdPrefix}-{i}</c> (chip), <c>{IdPrefix}-{i}-candidates</c>,
    /// <c>{IdPrefix}-{i}-word-{rank0}</c> and <c>{IdPrefix}-all</c>.</summary>
    [Parameter] public string IdPrefix { get; set; } = "mask";

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    MaskLayout? _layout;
    int? _selected;
    (bool Set, int? Value) _lastSelectedParameter;

    string GroupLabel => _layout is { Masks.Count: > 0 } layout
        ? $"{layout.Field}: {layout.Masks.Count} {(layout.Masks.Count == 1 ? "mask" : "masks")}; pick one to interpret"
        : $"{_layout?.Field}: no masks";

    protected override void OnParametersSet()
    {
        _layout = MaskLayout.Build(Prediction, Field);
        // The chips own the choice between renders (so an unbound component still responds); a new value from the
        // parent wins.
        if (!_lastSelectedParameter.Set || _lastSelectedParameter.Value != SelectedMask)
        {
            _selected = SelectedMask;
            _lastSelectedParameter = (true, SelectedMask);
        }
    }

    static string MaskName(int mask) => $"mask {mask + 1}";

    LabelProbability? Best(int mask) => _layout!.Masks[mask].Top.FirstOrDefault();

    string ChipTitle(int mask)
    {
        var best = Best(mask);
        var guess = best is null ? "" : $": {best.Label} ({Format.Probability(best.Probability)})";
        return $"[MASK] {mask + 1}{guess} · interpret this mask";
    }

    async Task SelectAsync(int? mask)
    {
        // Radio-like: pressing the chosen chip again keeps it chosen, so a page always has an instance to run.
        if (Disabled || mask == _selected) return;
        _selected = mask;
        await SelectedMaskChanged.InvokeAsync(mask);
    }

    async Task ChooseAsync(int mask, string word)
    {
        // A word is a guess for one mask: make that mask the chosen instance first, so "word:position" targets agree.
        if (Disabled) return;
        await SelectAsync(mask);
        await OnWordChosen.InvokeAsync(word);
    }
}
