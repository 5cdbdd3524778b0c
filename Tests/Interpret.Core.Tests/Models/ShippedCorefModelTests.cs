using Interpret.Core.Coreference;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Training;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed coreference model loads from models/ through the catalog's loader, keeps to the size
/// budget, names its split, scores WinoBias exactly as its manifest claims, and turns the WinoBias-style
/// sentence into clusters.</summary>
public class ShippedCorefModelTests
{
    const string Id = "coref-litbank-bilstm";
    const string DoctorNurse = "The doctor called the nurse because she was late.";

    static string Folder => Path.Combine(RepositoryFiles.Models, Id);

    [Fact]
    public void ManifestNamesTheSplitAndKeepsToTheBudget()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder, ModelFolder.ManifestFile));
        var split = CorefSplit.Of(CorefConllReader.ReadAll(Path.Combine(RepositoryFiles.SharedData, "coref", "litbank", "conll")));
        var names = manifest.Training!["split"]!;
        Assert.Equal(split.Dev.Select(d => d.Name), names["dev"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(split.Test.Select(d => d.Name), names["test"]!.AsArray().Select(n => (string)n!));
        Assert.True(Directory.GetFiles(Folder).Sum(f => new FileInfo(f).Length) < 15_000_000);
        foreach (var key in new[] { "dev", "test", "gap-test", "winobias-test" }) Assert.True(manifest.Metrics.ContainsKey(key), key);
    }

    [Fact]
    public void WinoBiasScoresMatchTheManifest()
    {
        // Re-scoring LitBank's test documents whole takes half a minute; the 396 WinoBias sentences take seconds and
        // go through the same evaluation path (CorefEvaluation.Score).
        var manifest = ModelManifest.Load(Path.Combine(Folder, ModelFolder.ManifestFile));
        var documents = CorefConllReader.Read(Path.Combine(RepositoryFiles.SharedData, "coref", "winobias", "conll", "test_type1_pro_stereotype.v4_auto_conll"));
        using var model = CorefModelFolder.Load(Folder);
        var metrics = CorefEvaluation.Score(model, documents, singletons: false, nonSingletonKey: true).Metrics();
        Assert.Equal(manifest.Metrics["winobias-test"]["type1_pro_conll_f1"], metrics["conll_f1"], 9);
        Assert.Equal(manifest.Metrics["winobias-test"]["type1_pro_muc_f1"], metrics["muc_f1"], 9);
        Assert.True(manifest.Metrics["test"]["conll_f1"] >= 0.55, $"test CoNLL F1 {manifest.Metrics["test"]["conll_f1"]}");
    }

    [Fact]
    public void LinksThePronounOfTheWinoBiasStyleSentence()
    {
        using var predictor = (CoreferencePredictor)ModelFolder.Load(Folder);
        Assert.Equal("coreference", predictor.Info.Task);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = DoctorNurse });
        var prediction = predictor.Predict(input);
        // What the shipped model does: one cluster, "she" linked to the subject "The doctor" (the anti-stereotypical
        // reading), not to "the nurse"; with "he" in the swapped sentence it links to "the doctor" again.
        var cluster = Assert.Single(prediction.Clusters!);
        Assert.Equal(["The doctor", "she"], cluster.Mentions.Select(m => m.Text));
        Assert.All(cluster.Mentions, m => Assert.Equal(m.Text, DoctorNurse[m.CharStart..m.CharEnd]));
        Assert.InRange(cluster.Probability, 0.2, 0.9);
        Assert.Equal("The doctor = she", prediction.Label);
        var instance = Assert.Single(predictor.PredictionsToLabeledInstances(input, prediction));
        Assert.True(predictor.Holds(instance, prediction));

        var swapped = predictor.Predict(predictor.Tokenize(new Dictionary<string, string> { ["text"] = "The nurse called the doctor because he was late." }));
        Assert.Equal(["the doctor", "he"], Assert.Single(swapped.Clusters!).Mentions.Select(m => m.Text));
    }

    [Fact]
    public void DocumentsLongerThan512TokensAreRefused()
    {
        using var predictor = (CoreferencePredictor)ModelFolder.Load(Folder);
        var text = string.Join(' ', Enumerable.Repeat("She was late .", 130)); // 520 tokens
        var error = Assert.Throws<InputException>(() => predictor.Tokenize(new Dictionary<string, string> { ["text"] = text }));
        Assert.Contains("at most 512 tokens", error.Message);
    }
}
