using Interpret.Core.Data;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Training;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed demo model loads from models/, checks its hashes, predicts sensibly, and scores on the
/// SST-2 dev file exactly what its manifest claims.</summary>
public class ShippedModelTests
{
    const string Id = "sentiment-sst2-bilstm";

    [Fact]
    public void SentimentModelLoadsAndPredicts()
    {
        using var catalog = ModelCatalog.Load(RepositoryFiles.Models);
        var predictor = catalog.Get(Id);
        Assert.Equal("sentiment", predictor.Info.Task);
        Assert.Equal(16, predictor.Info.ManifestHash.Length);
        Assert.Equal("positive", predictor.Predict(predictor.Tokenize(new Dictionary<string, string> { ["text"] = "A moving, beautifully acted and funny film." })).Label);
        Assert.Equal("negative", predictor.Predict(predictor.Tokenize(new Dictionary<string, string> { ["text"] = "A dull, lifeless and badly written mess." })).Label);
    }

    [Fact]
    public void DevAccuracyMatchesTheManifest()
    {
        var folder = Path.Combine(RepositoryFiles.Models, Id);
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(folder);
        var rows = Sst2Reader.Read(Path.Combine(RepositoryFiles.SharedData, "sst2", "dev.tsv"));
        int correct = 0;
        foreach (var chunk in rows.Chunk(256))
            correct += predictor.Predict(chunk.Select(r => predictor.FromTokens(r.Fields)).ToList()).Where((p, i) => p.Label == chunk[i].Label).Count();
        Assert.Equal(manifest.Metrics["dev"]["accuracy"], Math.Round((double)correct / rows.Count, 4));
        Assert.Equal(manifest.Metrics["dev"]["accuracy"], ClassifierEvaluation.Evaluate(predictor, rows)["accuracy"]);
    }

    [Fact]
    public void DamagedWeightsFailWithAClearMessage()
    {
        var copy = Directory.CreateTempSubdirectory().FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Models, Id))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            File.AppendAllText(Path.Combine(copy, ModelFolder.VocabularyFile), "extra\n");
            var error = Assert.Throws<ModelLoadException>(() => ModelFolder.Load(copy));
            Assert.Equal(new ModelLoadFailure(copy, ModelFolder.VocabularyFile, "size mismatch: 142384 bytes, manifest.json says 142378"), error.Failure);
        }
        finally { Directory.Delete(copy, true); }
    }

    [Theory]
    [InlineData("simple-gradient")]
    [InlineData("integrated-gradient")]
    [InlineData("smooth-gradient")]
    [InlineData("hotflip")]
    [InlineData("input-reduction")]
    public void EveryMethodRunsOnTheShippedModel(string method)
    {
        using var catalog = ModelCatalog.Load(RepositoryFiles.Models);
        var request = new MethodRequest(new Dictionary<string, string> { ["text"] = "It's not a bad film, and the acting is wonderful." });
        var last = MethodRunner.Run(catalog.Get(Id), method, request).Last();
        var json = ResultJson.Serialize(last);
        Assert.Contains($"\"method\":\"{method}\"", json);
        Assert.Contains("\"complete\":true", json);
    }
}
