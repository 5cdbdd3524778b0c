using Interpret.Core.Attacks;
using Interpret.Core.Data;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Training;
using Interpret.Results;

namespace Interpret.Core.Tests.Models;

/// <summary>The committed NER model loads from models/, checks its hashes, finds the entities of a plain sentence, and
/// scores on CoNLL-2003 eng.testa exactly the conlleval metrics its manifest claims.</summary>
public class ShippedNerModelTests
{
    const string Id = "ner-conll2003-bilstm-crf";
    const string Figure1 = "A man named John Smith works at Microsoft in downtown Seattle.";

    static NerPredictor Load() => (NerPredictor)ModelFolder.Load(Path.Combine(RepositoryFiles.Models, Id));

    [Fact]
    public void DevF1MatchesTheManifest()
    {
        var folder = Path.Combine(RepositoryFiles.Models, Id);
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        using var predictor = Load();
        var metrics = NerEvaluation.Evaluate(predictor, ConllReader.Read(Path.Combine(RepositoryFiles.SharedData, "conll2003", "eng.testa")));
        var recorded = manifest.Metrics["dev"];
        foreach (var key in new[] { "f1", "precision", "recall", "f1-PER", "f1-LOC", "f1-ORG", "f1-MISC" })
            Assert.Equal(recorded[key], metrics[key]);
        Assert.True(recorded["f1"] >= 0.85, $"dev F1 {recorded["f1"]}");
        Assert.True(new FileInfo(Path.Combine(folder, ModelFolder.WeightsFile)).Length + new FileInfo(Path.Combine(folder, ModelFolder.VocabularyFile)).Length < 20_000_000);
    }

    [Fact]
    public void FindsThePersonTheCompanyAndThePlace()
    {
        using var predictor = Load();
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Figure1 });
        var prediction = predictor.Predict(input);
        var entities = prediction.Entities!.Select(e => (e.Value, string.Join(' ', input.Fields[0].Tokens.Skip(e.Start!.Value).Take(e.End!.Value - e.Start.Value).Select(t => t.Text)))).ToList();
        Assert.Equal([("PER", "John Smith"), ("ORG", "Microsoft"), ("LOC", "Seattle")], entities);
        Assert.Equal(3, predictor.PredictionsToLabeledInstances(input, prediction).Count);
        Assert.All(prediction.Probabilities, p => Assert.InRange(p.Probability, 0.5, 1.0));
    }

    [Fact]
    public void InputReductionKeepsEachEntitysTagsWithFewWordsLeft()
    {
        // The seed's Figure 1: per entity, input reduction removes words while that entity keeps its tags.
        using var predictor = Load();
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Figure1 });
        var instances = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input));
        for (int i = 0; i < instances.Count; i++)
        {
            var attack = new InputReduction().RunToEnd(predictor, input, new MethodOptions { Instance = i });
            var (start, end) = (instances[i].Label.Start!.Value, instances[i].Label.End!.Value);
            int shift = attack.Steps.Count(s => s.Changes[0].Position < start);
            var kept = instances[i] with
            {
                Input = new TextInstance(attack.FinalFields),
                Label = instances[i].Label with { Start = start - shift, End = end - shift },
                Target = instances[i].Target.Where((_, t) => !attack.Steps.Any(s => s.Changes[0].Position == t)).ToList(),
            };
            Assert.True(predictor.Holds(kept, attack.Final));
            Assert.True(attack.FinalFields[0].Tokens.Count <= input.Fields[0].Tokens.Count / 2,
                $"{instances[i].Label.Value}: {string.Join(' ', attack.FinalFields[0].Tokens.Select(t => t.Text))}");
        }
    }

    [Theory]
    [InlineData("simple-gradient")]
    [InlineData("integrated-gradient")]
    [InlineData("smooth-gradient")]
    [InlineData("hotflip")]
    [InlineData("input-reduction")]
    public void EveryMethodRunsOnEachEntity(string method)
    {
        using var predictor = Load();
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Figure1 });
        var instances = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input));
        for (int i = 0; i < instances.Count; i++)
        {
            var last = MethodRunner.Run(predictor, method, new MethodRequest(new Dictionary<string, string> { ["text"] = Figure1 }, new MethodOptions { Instance = i })).Last();
            var json = ResultJson.Serialize(last);
            Assert.Contains("\"complete\":true", json);
            if (last is Attack attack)
            {
                Assert.Equal(instances[i].Label, attack.Label);
                Assert.All(attack.Steps, s => Assert.False(Predictor.IsProtected(instances[i], "text", s.Changes[0].Position)));
            }
            else Assert.Equal(instances[i].Label, Assert.Single(((Interpretation)last).Instances).Label);
        }
    }
}
