using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interpret.Core.Models.Bert.Lora;

/// <summary>PEFT's <c>adapter_config.json</c> for a LoRA adapter, under PEFT's own names, so the folder is a PEFT
/// adapter: ΔW = (α / r) · B A on every Linear whose last name is a target module (not the classifier, which is
/// saved whole as a module to save).</summary>
public sealed record LoraConfig
{
    [JsonPropertyName("peft_type")] public string PeftType { get; init; } = "LORA";
    [JsonPropertyName("task_type")] public string TaskType { get; init; } = "SEQ_CLS";
    [JsonPropertyName("base_model_name_or_path")] public string BaseModel { get; init; } = "";
    [JsonPropertyName("r")] public int Rank { get; init; } = 8;
    [JsonPropertyName("lora_alpha")] public double Alpha { get; init; } = 16;
    [JsonPropertyName("lora_dropout")] public double Dropout { get; init; } = 0.1;
    [JsonPropertyName("target_modules")] public IReadOnlyList<string> TargetModules { get; init; } = ["query", "key", "value", "dense"];
    [JsonPropertyName("modules_to_save")] public IReadOnlyList<string> ModulesToSave { get; init; } = ["classifier"];
    [JsonPropertyName("bias")] public string Bias { get; init; } = "none";
    [JsonPropertyName("fan_in_fan_out")] public bool FanInFanOut { get; init; }
    [JsonPropertyName("inference_mode")] public bool InferenceMode { get; init; } = true;

    [JsonIgnore] public double Scale => Alpha / Rank;

    public const string FileName = "adapter_config.json";

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static LoraConfig Load(string path)
    {
        LoraConfig config;
        try { config = JsonSerializer.Deserialize<LoraConfig>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty."); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a valid adapter config: {e.Message}", e); }
        if (config.PeftType != "LORA") throw new InvalidDataException($"{path}: peft_type '{config.PeftType}' is not supported; only LORA is.");
        if (config.Rank <= 0 || config.FanInFanOut || config.Bias != "none")
            throw new InvalidDataException($"{path}: only r > 0, fan_in_fan_out false and bias 'none' are supported.");
        return config;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
