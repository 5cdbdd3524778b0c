using System.Text.Json.Nodes;

namespace Interpret.Core.Models;

/// <summary>How a <see cref="BiLstmClassifierConfig"/> is written into and read from a manifest.</summary>
public static class BiLstmClassifierSpec
{
    public const string Name = "bilstm-classifier";

    public static ArchitectureSpec Write(BiLstmClassifierConfig c) => new(Name, new JsonObject
    {
        ["vocabularySize"] = c.VocabularySize,
        ["embeddingDim"] = c.EmbeddingDim,
        ["hiddenSize"] = c.HiddenSize,
        ["classes"] = c.Classes,
        ["dropout"] = c.Dropout,
        ["pooling"] = "max+mean",
    });

    public static BiLstmClassifierConfig Read(ArchitectureSpec spec)
    {
        var p = spec.Parameters;
        return new BiLstmClassifierConfig((int)p["vocabularySize"]!, (int)p["embeddingDim"]!, (int)p["hiddenSize"]!,
            (int)p["classes"]!, (double)p["dropout"]!);
    }
}
