using System.Text.Json.Nodes;

namespace Interpret.Core.Models;

/// <summary>How a <see cref="BiLstmCrfConfig"/> and the character vocabulary are written into and read from a manifest
/// (the word vocabulary is vocab.txt; the tags are the manifest's labels).</summary>
public static class BiLstmCrfSpec
{
    public const string Name = "bilstm-crf-tagger";

    public static ArchitectureSpec Write(BiLstmCrfConfig c, string characters) => new(Name, new JsonObject
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
        ["tags"] = c.Tags,
        ["dropout"] = c.Dropout,
        ["tokenEmbedder"] = "lower-cased word ⊕ case shape ⊕ character CNN (max-pooled ReLU)",
        ["characterVocabulary"] = characters,
    });

    public static (BiLstmCrfConfig Config, string Characters) Read(ArchitectureSpec spec)
    {
        var p = spec.Parameters;
        var config = new BiLstmCrfConfig((int)p["words"]!, (int)p["wordDim"]!, (int)p["caseDim"]!, (int)p["characters"]!,
            (int)p["charDim"]!, (int)p["charFilters"]!, (int)p["charKernel"]!, (int)p["maxCharacters"]!, (int)p["hiddenSize"]!,
            (int)p["tags"]!, (double)p["dropout"]!);
        return (config, (string)p["characterVocabulary"]!);
    }
}
