using Interpret.Core.Models;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>A models folder with one good model (the ESIM) and one damaged copy of the sentiment BiLSTM: the damaged
/// one is unavailable with the file and the reason, the other loads; strict mode throws with folder and file.</summary>
public sealed class BrokenModelFolderTests : IDisposable
{
    const string Good = "nli-snli-esim";
    const string Broken = "sentiment-sst2-bilstm";
    readonly string _models = Directory.CreateTempSubdirectory("broken-models-").FullName;

    public BrokenModelFolderTests()
    {
        foreach (var id in new[] { Good, Broken })
        {
            Directory.CreateDirectory(Path.Combine(_models, id));
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Models, id)))
                File.Copy(file, Path.Combine(_models, id, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_models, true);

    string BrokenFile(string name) => Path.Combine(_models, Broken, name);

    void Damage(string damage)
    {
        switch (damage)
        {
            case "truncated weights":
                using (var stream = File.OpenWrite(BrokenFile(ModelFolder.WeightsFile))) stream.SetLength(1000);
                break;
            case "flipped byte":
                var bytes = File.ReadAllBytes(BrokenFile(ModelFolder.WeightsFile));
                bytes[bytes.Length / 2] ^= 0xFF;
                File.WriteAllBytes(BrokenFile(ModelFolder.WeightsFile), bytes);
                break;
            case "empty vocabulary":
                File.WriteAllText(BrokenFile(ModelFolder.VocabularyFile), "");
                break;
            case "no manifest":
                File.Delete(BrokenFile(ModelFolder.ManifestFile));
                break;
            default: throw new ArgumentException(damage);
        }
    }

    /// <summary>The broken model's entry; asserts the good model loaded beside it.</summary>
    static ModelLoadFailure UnavailableBroken(ModelCatalog catalog)
    {
        Assert.Equal([Good], catalog.Models.Select(m => m.Id));
        var entry = Assert.Single(catalog.Unavailable);
        Assert.Equal(Broken, entry.Id);
        Assert.Equal([Good, Broken], catalog.All.Select(m => m.Id).Order());
        return entry.Unavailable!;
    }

    [Theory]
    [InlineData("truncated weights", ModelFolder.WeightsFile, "size mismatch: 1000 bytes, manifest.json says 2021176")]
    [InlineData("flipped byte", ModelFolder.WeightsFile, "hash mismatch: its SHA-256 is not the one in manifest.json (the file is damaged or was changed)")]
    [InlineData("empty vocabulary", ModelFolder.VocabularyFile, "size mismatch: 0 bytes, manifest.json says 142378")]
    [InlineData("no manifest", ModelFolder.ManifestFile, "no manifest.json")]
    public void A_damaged_folder_is_unavailable_with_its_file_and_reason_and_the_other_model_serves(string damage, string file, string reason)
    {
        Damage(damage);
        using var catalog = ModelCatalog.Load(_models);

        Assert.Equal(new ModelLoadFailure(Path.Combine(_models, Broken), file, reason), UnavailableBroken(catalog));
        var refused = Assert.Throws<ModelUnavailableException>(() => catalog.Get(Broken));
        Assert.Contains(reason, refused.Message);
        Assert.Equal("nli", catalog.Get(Good).Info.Task);
    }

    [Fact]
    public void Half_a_manifest_is_unreadable_json_at_the_line_where_it_stops()
    {
        var text = File.ReadAllText(BrokenFile(ModelFolder.ManifestFile));
        var half = text[..(text.Length / 2)];
        File.WriteAllText(BrokenFile(ModelFolder.ManifestFile), half);
        using var catalog = ModelCatalog.Load(_models);

        var failure = UnavailableBroken(catalog);
        Assert.Equal(ModelFolder.ManifestFile, failure.File);
        Assert.StartsWith($"unreadable JSON at line {half.Count(c => c == '\n') + 1}: ", failure.Reason);
    }

    [Fact]
    public void Strict_mode_throws_for_the_first_broken_folder_naming_folder_and_file()
    {
        Damage("truncated weights");

        var error = Assert.Throws<ModelLoadException>(() => ModelCatalog.Load(_models, strict: true));
        Assert.Equal(Path.Combine(_models, Broken), error.Failure.Folder);
        Assert.Equal($"{BrokenFile(ModelFolder.WeightsFile)}: size mismatch: 1000 bytes, manifest.json says 2021176", error.Message);
    }

    [Fact]
    public void Hidden_folders_are_not_model_folders_and_are_skipped()
    {
        Directory.CreateDirectory(Path.Combine(_models, ".cache"));
        using var catalog = ModelCatalog.Load(_models);

        Assert.Equal([Good, Broken], catalog.Models.Select(m => m.Id).Order());
        Assert.Empty(catalog.Unavailable);
    }

    [Fact]
    public void A_checkpoint_that_fails_to_load_is_unavailable_under_its_id_and_strict_mode_throws()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_models, ".empty-checkpoint")).FullName;
        ModelCatalog.Checkpoint[] checkpoints = [new("my-bert", empty)];

        using (var catalog = ModelCatalog.Load(_models, checkpoints: checkpoints))
        {
            var entry = Assert.Single(catalog.Unavailable);
            Assert.Equal("my-bert", entry.Id);
            Assert.Equal(new ModelLoadFailure(empty, "config.json", "missing file"), entry.Unavailable);
            Assert.Equal(2, catalog.Models.Count);
        }
        var error = Assert.Throws<ModelLoadException>(() => ModelCatalog.Load(_models, checkpoints: checkpoints, strict: true));
        Assert.Equal("config.json", error.Failure.File);
    }
}
