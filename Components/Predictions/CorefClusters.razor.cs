using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>A coreference prediction: the text as typed with each cluster's mentions marked in the cluster's colour and
/// numbered, and one button per cluster (its mentions and probability) that picks the cluster the next run explains:
/// the index is the methods' <c>Instance</c> option, as for a tagger's entities.
/// Usage: <c>&lt;CorefClusters Prediction="@prediction" @bind-SelectedCluster="cluster" /&gt;</c>.</summary>
public partial class CorefClusters
{
    /// <summary>A coreference model's prediction (<see cref="Prediction.Clusters"/>).</summary>
    [Parameter] public Prediction? Prediction { get; set; }

    /// <summary>The chosen cluster (index into Clusters); null: all of them. Bindable.</summary>
    [Parameter] public int? SelectedCluster { get; set; }

    [Parameter] public EventCallback<int?> SelectedClusterChanged { get; set; }

    /// <summary>Offer "All clusters" (null), e.g. for saliency; attacks need one cluster.</summary>
    [Parameter] public bool AllowAll { get; set; }

    [Parameter] public bool Disabled { get; set; }

    /// <summary>Prefix of the buttons' ids ("cluster-0", "cluster-all").</summary>
    [Parameter] public string IdPrefix { get; set; } = "cluster";

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    int? _selected;

    /// <summary>The field the clusters point into: the first one a mention names, else the first field.</summary>
    Field? Field => Prediction is null ? null
        : Prediction.Fields.FirstOrDefault(f => Prediction.Clusters?.Any(c => c.Mentions.Any(m => m.Field == f.Name)) == true)
          ?? Prediction.Fields.FirstOrDefault();

    protected override void OnParametersSet() => _selected = SelectedCluster;

    async Task SelectAsync(int? cluster)
    {
        _selected = cluster;
        await SelectedClusterChanged.InvokeAsync(cluster);
    }
}
