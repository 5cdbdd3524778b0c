using Interpret.Core.Data;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Training;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed ESIM entailment model: dev metrics as its manifest claims, both fields interpreted,
/// attacks on the hypothesis by default.</summary>
public class ShippedEntailmentModelTests
{
    const string Id = "nli-snli-esim";

    static Dictionary<string, string> Pair(string premise, string hypothesis) => new() { ["premise"] = premise, ["hypothesis"] = hypothesis };

    [Fact]
    public void DevMetricsMatchTheManifest()
    {
        var folder = Path.Combine(RepositoryFiles.Models, Id);
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(folder);
        var metrics = ClassifierEvaluation.Evaluate(predictor, NliReader.Read(Path.Combine(RepositoryFiles.SharedData, "snli", "dev.tsv")));
        Assert.Equal(manifest.Metrics["dev"], metrics);
    }

    [Fact]
    public void BothFieldsGetSaliencyAndAttacksChangeTheHypothesis()
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, Id));
        var request = new MethodRequest(Pair("A man is playing a guitar on stage.", "A man is sleeping in his bed."));
        var interpretation = (Interpretation)MethodRunner.Run(predictor, "integrated-gradient", request).Last();
        var fields = interpretation.Instances[0].Fields;
        Assert.Equal(["premise", "hypothesis"], fields.Select(f => f.Name));
        Assert.Equal(1.0, fields.Sum(f => f.Normalized.Sum()), 9); // one scale over both fields
        Assert.All(fields, f => Assert.Contains(f.Normalized, s => s > 0));

        var attack = (Attack)MethodRunner.Run(predictor, "hotflip", request).Last();
        Assert.Equal("hypothesis", attack.Options.Field);
        Assert.Equal(attack.OriginalFields[0].Tokens, attack.FinalFields[0].Tokens);
        Assert.All(attack.Steps, s => Assert.Equal("hypothesis", s.Changes[0].Field));
    }

    [Fact]
    public void MissingHypothesisIsAClearError()
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, Id));
        var error = Assert.Throws<InputException>(() => predictor.Tokenize(new Dictionary<string, string> { ["premise"] = "A dog runs." }));
        Assert.Contains("hypothesis", error.Message);
    }
}
