namespace Interpret.Results;

/// <summary>What the explorer lists for a loaded model.</summary>
public sealed record ModelInfo(string Id, string Task, string ManifestHash, IReadOnlyList<string> Labels,
    IReadOnlyList<string> InputFields, IReadOnlyList<string> Methods, IReadOnlyDictionary<string, double>? DevMetrics = null);
