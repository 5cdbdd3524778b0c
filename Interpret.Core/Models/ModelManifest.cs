using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Interpret.Core.Models;

/// <summary>models/&lt;id&gt;/manifest.json: what the model is, how it was trained and how well it does.</summary>
public sealed record ModelManifest
{
    public required string Id { get; init; }
    public required string Task { get; init; }
    public required ArchitectureSpec Architecture { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public required IReadOnlyList<string> InputFields { get; init; }
    public required TokenizationSpec Tokenization { get; init; }
    public IReadOnlyList<ModelFile> Files { get; init; } = [];
    public JsonObject? Training { get; init; }
    /// <summary>split → metric → value, as printed by the evaluate command.</summary>
    public Dictionary<string, Dictionary<string, double>> Metrics { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: keep "+" readable
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModelManifest Load(string path) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} is empty.");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}

public sealed record ArchitectureSpec(string Name, JsonObject Parameters);

/// <summary>How raw text becomes tokens: "ptb" (Penn Treebank rules) with optional lower-casing.</summary>
public sealed record TokenizationSpec(string Kind, bool LowerCase, int MaxTokens);

public sealed record ModelFile(string Name, long Bytes, string Sha256);
