using System.Text.Json.Nodes;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using static Interpret.Core.Tests.Bert.TinyBertReference;

namespace Interpret.Core.Tests.Bert;

/// <summary>A user's checkpoint folder that cannot load says exactly why: which file is missing, which architecture is
/// unknown, which tensor has the wrong shape.</summary>
public sealed class BertCheckpointErrorTests
{
    /// <summary>A copy of tiny-bert without <paramref name="leaveOut"/> and with its config edited.</summary>
    static string Folder(string? leaveOut = null, Action<JsonObject>? editConfig = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"bad-bert-{Guid.NewGuid():N}")).FullName;
        foreach (var name in new[] { BertCheckpoint.ConfigFile, BertCheckpoint.VocabularyFile, BertCheckpoint.SafetensorsFile })
            if (name != leaveOut) File.Copy(Path.Combine(TinyBertReference.Folder, name), Path.Combine(dir, name));
        if (editConfig is not null && leaveOut != BertCheckpoint.ConfigFile)
        {
            var config = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, BertCheckpoint.ConfigFile)))!.AsObject();
            editConfig(config);
            File.WriteAllText(Path.Combine(dir, BertCheckpoint.ConfigFile), config.ToJsonString());
        }
        return dir;
    }

    [Theory]
    [InlineData(BertCheckpoint.ConfigFile, "config.json")]
    [InlineData(BertCheckpoint.VocabularyFile, "vocab.txt")]
    [InlineData(BertCheckpoint.SafetensorsFile, "none of model.safetensors, pytorch_model.bin or model.onnx")]
    public void A_missing_file_is_named(string file, string message)
    {
        var e = Assert.ThrowsAny<IOException>(() => ModelFolder.LoadCheckpoint(Folder(leaveOut: file), "mine"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => ModelFolder.LoadCheckpoint("/nonexistent/checkpoint", "mine"));
        Assert.Contains("/nonexistent/checkpoint", e.Message);
    }

    [Fact]
    public void An_unknown_architecture_lists_the_supported_ones()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.LoadCheckpoint(Folder(editConfig: c => c["architectures"] = new JsonArray("BertForQuestionAnswering")), "mine"));
        Assert.Contains("BertForQuestionAnswering", e.Message);
        Assert.Contains("BertForMaskedLM", e.Message);
    }

    [Fact]
    public void Another_model_family_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.LoadCheckpoint(Folder(editConfig: c => c["model_type"] = "gpt2"), "mine"));
        Assert.Contains("gpt2", e.Message);
    }

    [Fact]
    public void A_shape_mismatch_names_the_tensor_and_both_shapes()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.LoadCheckpoint(Folder(editConfig: c => c["intermediate_size"] = 96), "mine"));
        Assert.Contains("intermediate.dense.weight", e.Message);
        Assert.Contains("[128, 64]", e.Message);
        Assert.Contains("[96, 64]", e.Message);
    }

    [Fact]
    public void A_classifier_checkpoint_without_its_head_lists_what_is_missing()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.LoadCheckpoint(
            Folder(editConfig: c => c["architectures"] = new JsonArray("BertForSequenceClassification")), "mine"));
        Assert.Contains("classifier.weight", e.Message);
    }

    [Fact]
    public void Malformed_config_json_is_reported_as_such()
    {
        var dir = Folder();
        File.WriteAllText(Path.Combine(dir, BertCheckpoint.ConfigFile), "{ not json");
        var e = Assert.Throws<InvalidDataException>(() => ModelFolder.LoadCheckpoint(dir, "mine"));
        Assert.Contains("not a valid config.json", e.Message);
    }
}
