using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Models.Bert;

/// <summary>Writes a trained BERT as a shipped model folder that is also a HuggingFace checkpoint: config.json,
/// float16 model.safetensors (tied decoder left out, as transformers does), vocab.txt, and manifest.json.</summary>
public static class BertModelFolder
{
    public static void Save(string folder, ModelManifest manifest, BertConfig config, TorchSharp.torch.nn.Module model, WordPieceVocabulary vocabulary)
    {
        Directory.CreateDirectory(folder);
        config.Save(Path.Combine(folder, BertCheckpoint.ConfigFile));
        SafetensorsWeights.Save(model, Path.Combine(folder, BertCheckpoint.SafetensorsFile));
        vocabulary.Save(Path.Combine(folder, BertCheckpoint.VocabularyFile));
        ModelFolder.WriteManifest(folder, manifest, [BertCheckpoint.ConfigFile, BertCheckpoint.SafetensorsFile, BertCheckpoint.VocabularyFile]);
    }
}
