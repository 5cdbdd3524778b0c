using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>A tagger's prediction as a sentence, displaCy style: each entity is a chip coloured by its type with the
/// type beside its words, and the chips are toggle buttons that pick which entity (labeled instance) to interpret.
/// Usage: <c>&lt;TaggedSentence Prediction="@prediction" @bind-SelectedEntity="entity" /&gt;</c>.</summary>
public partial class TaggedSentence
{
    /// <summary>A prediction with <c>Tags</c> and <c>Entities</c>; a classifier's prediction shows as a plain sentence.</summary>
    [Parameter] public Prediction? Prediction { get; set; }

    /// <summary>The field to show; default the entities' field.</summary>
    [Parameter] public string? Field { get; set; }

    /// <summary>The chosen entity: its index in <c>Prediction.Entities</c>, which is the <c>Instance</c> option of a
    /// method. Null: none, or "all entities" when <see cref="AllowAll"/>. Bindable.</summary>
    [Parameter] public int? SelectedEntity { get; set; }

    [Parameter] public EventCallback<int?> SelectedEntityChanged { get; set; }

    /// <summary>Adds an "All entities" button that selects null (a saliency method then explains every entity).</summary>
    [Parameter] public bool AllowAll { get; set; }

    /// <summary>Prints every token's BIO tag under it (otherwise the tag is in the token's title).</summary>
    [Parameter] public bool ShowTags { get; set; }

    /// <summary>Shows the chips without letting them change the choice (e.g. while a run is going).</summary>
    [Parameter] public bool Disabled { get; set; }

    /// <summary>Element ids are <c>{IdPrefix}-{index}</c> and <c>{IdPrefix}-all</c>; change it when a page shows two.</summary>
    [Parameter] public string IdPrefix { get; set; } = "entity";

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    TaggedLayout? _layout;
    int? _selected;
    (bool Set, int? Value) _lastSelectedParameter;

    string CssClass => ShowTags ? "tagged-sentence show-tags" : "tagged-sentence";

    string GroupLabel => _layout is { EntityCount: > 0 } layout
        ? $"{layout.Field}: {layout.EntityCount} {(layout.EntityCount == 1 ? "entity" : "entities")}; pick one to interpret"
        : $"{_layout?.Field}: no entities";

    protected override void OnParametersSet()
    {
        _layout = TaggedLayout.Build(Prediction, Field);
        // The chips own the choice between renders (so an unbound component still responds); a new value from the
        // parent wins.
        if (!_lastSelectedParameter.Set || _lastSelectedParameter.Value != SelectedEntity)
        {
            _selected = SelectedEntity;
            _lastSelectedParameter = (true, SelectedEntity);
        }
    }

    bool IsSelected(int entity) => _selected == entity;

    async Task SelectAsync(int? entity)
    {
        // Radio-like: pressing the chosen chip again keeps it chosen, so a page always has an instance to run.
        if (Disabled || entity == _selected) return;
        _selected = entity;
        await SelectedEntityChanged.InvokeAsync(entity);
    }

    static string ChipStyle(TaggedSegment segment) =>
        $"background-color: {EntityColors.For(segment.Label!.Value)}; color: {EntityColors.Text};";

    static string ChipTitle(TaggedSegment segment)
    {
        var title = $"{segment.Label!.Value}: {segment.Words}";
        if (segment.Probability is double p) title += $" ({Format.Probability(p)})";
        return title + " · interpret this entity";
    }
}
