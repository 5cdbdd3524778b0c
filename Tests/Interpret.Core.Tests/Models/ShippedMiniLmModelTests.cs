using Interpret.Core.Data;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Training;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed MiniLM models: LoRA adapters over the package's encoder, small on disk, scoring on dev what
/// their manifests claim, and interpreted like any classifier (pairs per field, attacks on the hypothesis).</summary>
public sealed class ShippedMiniLmModelTests
{
    const string Sentiment = "sentiment-sst2-minilm";
    const string Entailment = "nli-snli-minilm";

    static string Folder(string id) => Path.Combine(RepositoryFiles.Models, id);

    [Theory]
    [InlineData(Sentiment)]
    [InlineData(Entailment)]
    public void The_folder_stores_adapters_over_the_named_base_and_stays_small(string id)
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder(id), ModelFolder.ManifestFile));
        Assert.Equal(BertSpec.LoraClassifier, manifest.Architecture.Name);
        Assert.Equal(MiniLmPackage.ModelSha256, manifest.Training!["pretrained"]!["sha256"]!.GetValue<string>());
        Assert.Contains(manifest.Files, f => f.Name == LoraAdapters.WeightsFile);
        Assert.True(manifest.Files.Sum(f => f.Bytes) < 15_000_000, "a model folder is at most 15 MB");
    }

    [Fact]
    public void Sentiment_dev_accuracy_matches_the_manifest()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder(Sentiment), ModelFolder.ManifestFile));
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(Folder(Sentiment));
        var rows = Sst2Reader.Read(Path.Combine(RepositoryFiles.SharedData, "sst2", "dev.tsv"));
        // float32 sums may order differently across thread counts: one dev row of slack.
        Assert.Equal(manifest.Metrics["dev"]["accuracy"], ClassifierEvaluation.Evaluate(predictor, rows)["accuracy"], 0.0012);
    }

    [Fact]
    public void Entailment_dev_accuracy_matches_the_manifest()
    {
        var manifest = ModelManifest.Load(Path.Combine(Folder(Entailment), ModelFolder.ManifestFile));
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(Folder(Entailment));
        var rows = NliReader.Read(Path.Combine(RepositoryFiles.SharedData, "snli", "dev.tsv"));
        Assert.Equal(manifest.Metrics["dev"]["accuracy"], ClassifierEvaluation.Evaluate(predictor, rows)["accuracy"], 0.0003);
    }

    [Fact]
    public void Pairs_get_saliency_on_both_fields_and_attacks_change_only_the_hypothesis()
    {
        using var predictor = ModelFolder.Load(Folder(Entailment));
        var request = new MethodRequest(new Dictionary<string, string>
        {
            ["premise"] = "A man is playing a guitar on stage.",
            ["hypothesis"] = "A man is sleeping in his bed.",
        });
        Assert.Equal("contradiction", predictor.Predict(predictor.Tokenize(request.Input)).Label);
        var interpretation = (Interpretation)MethodRunner.Run(predictor, "integrated-gradient", request).Last();
        var fields = interpretation.Instances[0].Fields;
        Assert.Equal(["premise", "hypothesis"], fields.Select(f => f.Name));
        Assert.Equal("[CLS]", fields[0].Tokens[0].Text);
        Assert.Equal("[SEP]", fields[1].Tokens[^1].Text);
        Assert.All(fields, f => Assert.Contains(f.Normalized, s => s > 0));

        var attack = (Attack)MethodRunner.Run(predictor, "hotflip", request).Last();
        Assert.Equal("hypothesis", attack.Options.Field);
        Assert.Equal(attack.OriginalFields[0].Tokens, attack.FinalFields[0].Tokens);
        Assert.All(attack.Steps, s => Assert.Equal("hypothesis", s.Changes[0].Field));
    }
}
