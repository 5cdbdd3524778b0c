using System.Text.Json.Nodes;

namespace Interpret.Core.Models;

/// <summary>How a <see cref="CorefConfig"/> and the character vocabulary are written into and read from a manifest
/// (the word vocabulary is vocab.txt).</summary>
public static class CorefSpec
{
    public const string Name = "coref-span-ranking";

    public static ArchitectureSpec Write(CorefConfig c, string characters) => new(Name, new JsonObject
    {
        ["words"] = c.Words,
        ["wordDim"] = c.WordDim,
        ["caseDim"] = c.CaseDim,
        ["characters"] = c.Characters,
        ["charDim"] = c.CharDim,
        ["charFilters"] = c.CharFilters,
        ["charKernel"] = c.CharKernel,
        ["maxCharacters"] = c.MaxCharacters,
        ["hiddenSize"] = c.HiddenSize,
        ["featureDim"] = c.FeatureDim,
        ["ffnnSize"] = c.FfnnSize,
        ["maxSpanWidth"] = c.MaxSpanWidth,
        ["spansPerToken"] = c.SpansPerToken,
        ["maxAntecedents"] = c.MaxAntecedents,
        ["dropout"] = c.Dropout,
        ["singletonThreshold"] = c.SingletonThreshold,
        ["tokenEmbedder"] = "lower-cased word (GloVe 50d init) ⊕ case shape ⊕ character CNN (max-pooled ReLU)",
        ["spanRepresentation"] = "BiLSTM states at both ends ⊕ attention-weighted token embeddings (head) ⊕ width embedding",
        ["characterVocabulary"] = characters,
    });

    public static (CorefConfig Config, string Characters) Read(ArchitectureSpec spec)
    {
        var p = spec.Parameters;
        var config = new CorefConfig((int)p["words"]!, (int)p["wordDim"]!, (int)p["caseDim"]!, (int)p["characters"]!,
            (int)p["charDim"]!, (int)p["charFilters"]!, (int)p["charKernel"]!, (int)p["maxCharacters"]!, (int)p["hiddenSize"]!,
            (int)p["featureDim"]!, (int)p["ffnnSize"]!, (int)p["maxSpanWidth"]!, (double)p["spansPerToken"]!, (int)p["maxAntecedents"]!,
            (double)p["dropout"]!, (double?)p["singletonThreshold"] ?? 0);
        return (config, (string)p["characterVocabulary"]!);
    }
}
