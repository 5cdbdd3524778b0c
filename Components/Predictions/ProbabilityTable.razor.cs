using Interpret.Results;
using Microsoft.AspNetCore.Components;

namespace Interpret.Components;

/// <summary>Label probabilities as a plain table: the accessible counterpart of the bar chart, and the compact
/// before/after view of attacks.</summary>
public partial class ProbabilityTable
{
    [Parameter, EditorRequired] public IReadOnlyList<LabelProbability> Probabilities { get; set; } = [];

    /// <summary>The predicted label; its row is marked.</summary>
    [Parameter] public string? Predicted { get; set; }

    [Parameter] public string? Caption { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }
}
