using Interpret.Core.Models.Pretrained;
using Interpret.Core.Text.WordPiece;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert.Lora;

/// <summary>
/// A fine-tuned MiniLM stored as only what training changed: PEFT's <c>adapter_config.json</c> and
/// <c>adapter_model.safetensors</c> (adapters and classifier, float32, ~1.4 MB) beside manifest.json and the vocabulary.
/// Loading restores the base encoder from the NuGet package (checked by SHA-256), attaches the adapters and merges
/// them, so the predictor runs a plain <see cref="BertForSequenceClassification"/>.
/// </summary>
public static class LoraModelFolder
{
    public static void Save(string folder, ModelManifest manifest, LoraAdapters adapters, WordPieceVocabulary vocabulary)
    {
        Directory.CreateDirectory(folder);
        adapters.Config.Save(Path.Combine(folder, LoraConfig.FileName));
        Safetensors.SaveStateDict(Path.Combine(folder, LoraAdapters.WeightsFile), adapters.StateDict());
        vocabulary.Save(Path.Combine(folder, BertCheckpoint.VocabularyFile));
        ModelFolder.WriteManifest(folder, manifest, [LoraConfig.FileName, LoraAdapters.WeightsFile, BertCheckpoint.VocabularyFile]);
    }

    /// <summary>The package's encoder with <paramref name="folder"/>'s adapters merged in, in eval mode.</summary>
    public static (BertForSequenceClassification Model, BertConfig Config) Load(string folder, IReadOnlyList<string> labels)
    {
        var (model, bertConfig) = MiniLmPackage.NewClassifier(labels);
        Apply(model, folder);
        return (model, bertConfig);
    }

    /// <summary>A span reader: the package's encoder and <paramref name="folder"/>'s adapters and qa_outputs.</summary>
    public static BertForQuestionAnswering LoadSpanReader(string folder)
    {
        var model = MiniLmPackage.NewSpanReader();
        Apply(model, folder);
        return model;
    }

    /// <summary>Attaches the folder's adapters, fills them and the saved modules, merges them, and switches to eval
    /// mode; a folder that does not fit disposes the model.</summary>
    static void Apply(TorchSharp.torch.nn.Module model, string folder)
    {
        try
        {
            var config = LoraConfig.Load(Path.Combine(folder, LoraConfig.FileName));
            using var adapters = LoraAdapters.Attach(model, config);
            var path = Path.Combine(folder, LoraAdapters.WeightsFile);
            using (var scope = NewDisposeScope()) adapters.Load(Safetensors.LoadStateDict(path), path);
            adapters.Merge();
            model.eval();
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
