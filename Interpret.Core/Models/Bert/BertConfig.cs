using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Interpret.Core.Models.Bert;

/// <summary>The fields of a HuggingFace <c>config.json</c> that a BERT encoder needs, under HuggingFace's own names,
/// so the file reads and writes unchanged. Only absolute position embeddings and exact-erf GELU are supported.</summary>
public sealed record BertConfig
{
    [JsonPropertyName("architectures")] public IReadOnlyList<string> Architectures { get; init; } = [];
    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "bert";
    [JsonPropertyName("vocab_size")] public int VocabularySize { get; init; }
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; } = 768;
    [JsonPropertyName("num_hidden_layers")] public int Layers { get; init; } = 12;
    [JsonPropertyName("num_attention_heads")] public int Heads { get; init; } = 12;
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; } = 3072;
    [JsonPropertyName("max_position_embeddings")] public int MaxPositions { get; init; } = 512;
    [JsonPropertyName("type_vocab_size")] public int TokenTypes { get; init; } = 2;
    [JsonPropertyName("layer_norm_eps")] public double LayerNormEps { get; init; } = 1e-12;
    [JsonPropertyName("hidden_act")] public string HiddenActivation { get; init; } = "gelu";
    [JsonPropertyName("hidden_dropout_prob")] public double HiddenDropout { get; init; } = 0.1;
    [JsonPropertyName("attention_probs_dropout_prob")] public double AttentionDropout { get; init; } = 0.1;
    [JsonPropertyName("position_embedding_type")] public string PositionEmbeddingType { get; init; } = "absolute";
    [JsonPropertyName("pad_token_id")] public int PadTokenId { get; init; }
    /// <summary>Sequence classifiers: class index (as a string key, as HuggingFace writes it) → label.</summary>
    [JsonPropertyName("id2label")] public Dictionary<string, string>? IdToLabel { get; init; }
    [JsonPropertyName("num_labels")] public int? NumLabels { get; init; }

    /// <summary>Keys we do not use (initializer_range, transformers_version, …) survive a read-write round trip.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; init; }

    [JsonIgnore] public int HeadSize => HiddenSize / Heads;

    /// <summary>Class labels in index order; "LABEL_i" when the checkpoint names none.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Labels
    {
        get
        {
            int count = IdToLabel?.Count ?? NumLabels ?? 2;
            return Enumerable.Range(0, count).Select(i => IdToLabel?.GetValueOrDefault(i.ToString()) ?? $"LABEL_{i}").ToList();
        }
    }

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BertConfig Load(string path)
    {
        BertConfig config;
        try { config = JsonSerializer.Deserialize<BertConfig>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty."); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a valid config.json: {e.Message}", e); }
        config.Validate(path);
        return config;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public JsonObject ToJsonObject() => JsonSerializer.SerializeToNode(this, Json)!.AsObject();

    public static BertConfig FromJsonObject(JsonObject json) => json.Deserialize<BertConfig>(Json)!;

    void Validate(string path)
    {
        if (ModelType != "bert") throw new InvalidDataException($"{path}: model_type '{ModelType}' is not supported; only 'bert' is.");
        if (VocabularySize <= 0 || HiddenSize <= 0 || Layers <= 0 || Heads <= 0 || HiddenSize % Heads != 0)
            throw new InvalidDataException($"{path}: vocab_size, hidden_size, num_hidden_layers and num_attention_heads must be positive, and hidden_size divisible by the heads.");
        if (HiddenActivation != "gelu") throw new InvalidDataException($"{path}: hidden_act '{HiddenActivation}' is not supported; only exact 'gelu' is.");
        if (PositionEmbeddingType != "absolute") throw new InvalidDataException($"{path}: position_embedding_type '{PositionEmbeddingType}' is not supported; only 'absolute' is.");
    }
}
