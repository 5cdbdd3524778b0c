namespace Interpret.Core.Models;

/// <summary>Loads the <see cref="CorefModel"/> of a models/&lt;id&gt;/ folder (files checked against the manifest).</summary>
public static class CorefModelFolder
{
    public static CorefModel Load(string directory)
    {
        var manifest = ModelFolderCheck.ReadManifest(directory);
        ModelFolderCheck.VerifyFiles(directory, manifest);
        return Load(directory, manifest);
    }

    public static CorefModel Load(string directory, ModelManifest manifest)
    {
        var (config, characters) = CorefSpec.Read(manifest.Architecture);
        var vocabulary = Text.Vocabulary.Load(Path.Combine(directory, ModelFolder.VocabularyFile));
        var model = new CorefModel(config, new NerLexicon(vocabulary, characters, config.MaxCharacters));
        try
        {
            SafetensorsWeights.Load(model, Path.Combine(directory, ModelFolder.WeightsFile));
            model.Freeze();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
