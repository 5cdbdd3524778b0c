using System.Text.Json.Nodes;

namespace Interpret.Core.Models;

/// <summary>How a <see cref="BidafConfig"/> and the character vocabulary are written into and read from a manifest
/// (the cased token vocabulary is vocab.txt).</summary>
public static class BidafSpec
{
    public const string Name = "bidaf";

    public static ArchitectureSpec Write(BidafConfig c, string characters) => new(Name, new JsonObject
    {
        ["words"] = c.Words,
        ["wordDim"] = c.WordDim,
        ["caseDim"] = c.CaseDim,
        ["characters"] = c.Characters,
        ["charDim"] = c.CharDim,
        ["charFilters"] = c.CharFilters,
        ["charKernel"] = c.CharKernel,
        ["maxCharacters"] = c.MaxCharacters,
        ["highwayLayers"] = c.HighwayLayers,
        ["hiddenSize"] = c.HiddenSize,
        ["modellingLayers"] = c.ModellingLayers,
        ["dropout"] = c.Dropout,
        ["tokenEmbedder"] = "lower-cased word (GloVe 50d, frozen) ⊕ case shape ⊕ character CNN (max-pooled ReLU), then highway",
        ["attention"] = "S = w·[h; u; h∘u]; context-to-query and query-to-context; G = [h; ũ; h∘ũ; h∘h̃]",
        ["characterVocabulary"] = characters,
    });

    public static (BidafConfig Config, string Characters) Read(ArchitectureSpec spec)
    {
        var p = spec.Parameters;
        var config = new BidafConfig((int)p["words"]!, (int)p["wordDim"]!, (int)p["caseDim"]!, (int)p["characters"]!,
            (int)p["charDim"]!, (int)p["charFilters"]!, (int)p["charKernel"]!, (int)p["maxCharacters"]!, (int)p["highwayLayers"]!,
            (int)p["hiddenSize"]!, (int)p["modellingLayers"]!, (double)p["dropout"]!);
        return (config, (string)p["characterVocabulary"]!);
    }
}
