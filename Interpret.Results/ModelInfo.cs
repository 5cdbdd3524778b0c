namespace Interpret.Results;

/// <summary>What the explorer lists for a model. <paramref name="Unavailable"/> is set only for a model whose folder
/// failed to load (its task, labels, fields and methods are then empty and requests to it are refused); it is left out
/// of the JSON otherwise, so a loaded model's entry is the same as before the field existed.</summary>
public sealed record ModelInfo(string Id, string Task, string ManifestHash, IReadOnlyList<string> Labels,
    IReadOnlyList<string> InputFields, IReadOnlyList<string> Methods, IReadOnlyDictionary<string, double>? DevMetrics = null,
    ModelLoadFailure? Unavailable = null)
{
    /// <summary>The field HotFlip and input reduction change when the request names none: the last input field (the
    /// hypothesis for entailment), except where the task says otherwise (a reader's question).</summary>
    public string? AttackedField { get; init; }

    /// <summary>The entry for a model that failed to load, listed under <paramref name="id"/> (its folder's name).</summary>
    public static ModelInfo ForUnavailable(string id, ModelLoadFailure failure) => new(id, "", "", [], [], [], null, failure);
}
