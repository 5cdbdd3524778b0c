using System.Text.Json.Nodes;

namespace Interpret.Core.Models;

/// <summary>How an <see cref="EsimConfig"/> is written into and read from a manifest.</summary>
public static class EsimSpec
{
    public const string Name = "esim";

    public static ArchitectureSpec Write(EsimConfig c) => new(Name, new JsonObject
    {
        ["vocabularySize"] = c.VocabularySize,
        ["embeddingDim"] = c.EmbeddingDim,
        ["hiddenSize"] = c.HiddenSize,
        ["classes"] = c.Classes,
        ["dropout"] = c.Dropout,
    });

    public static EsimConfig Read(ArchitectureSpec spec)
    {
        var p = spec.Parameters;
        return new EsimConfig((int)p["vocabularySize"]!, (int)p["embeddingDim"]!, (int)p["hiddenSize"]!, (int)p["classes"]!, (double)p["dropout"]!);
    }
}
