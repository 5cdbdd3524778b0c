using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;
using Interpret.Core.Saliency;
using Interpret.Results;
using static Interpret.Core.Tests.Bert.TinyBertReference;

namespace Interpret.Core.Tests.Bert;

/// <summary>The masked-LM predictor on the tiny-bert checkpoint, end to end from typed text: tokenisation, top words,
/// the seed's loss gradient and integrated gradients against transformers and Captum.</summary>
public sealed class TinyBertPredictorTests
{
    static MaskedLmPredictor Load(string weightsFile = BertCheckpoint.SafetensorsFile) =>
        Assert.IsType<MaskedLmPredictor>(ModelFolder.LoadCheckpoint(TinyBertParityTests.FolderWith(weightsFile), "tiny-bert"));

    static string Text(string caseName) => Case(caseName).GetProperty("text").GetString()!;

    [Theory]
    [InlineData("nurse")]
    [InlineData("doctor_padded")]
    [InlineData("two_masks")]
    public void Typed_text_gives_the_reference_tokens_and_top_words(string caseName)
    {
        using var predictor = Load();
        var c = Case(caseName);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Text(caseName) });
        var expected = c.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).Where(t => t != "[PAD]").ToList();
        Assert.Equal(expected, input.Fields[0].Tokens.Select(t => t.Text));

        var prediction = predictor.Predict(input);
        var masks = c.GetProperty("mlm").GetProperty("at_masks").EnumerateArray().ToList();
        Assert.Equal(masks.Count, prediction.Masks!.Count);
        for (int k = 0; k < masks.Count; k++)
        {
            Assert.Equal(masks[k].GetProperty("position").GetInt32(), prediction.Masks[k].Position);
            Assert.Equal(masks[k].GetProperty("top10_tokens").EnumerateArray().Select(t => t.GetString()), prediction.Masks[k].Top.Select(w => w.Label));
            Assert.True(prediction.Masks[k].Top.Zip(prediction.Masks[k].Top.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        }
        Assert.Equal(masks.Count, predictor.PredictionsToLabeledInstances(input, prediction).Count);
    }

    [Theory]
    [InlineData("nurse")]
    [InlineData("two_masks")]
    public void Seed_loss_gradient_matches_transformers_with_the_sign_that_supports_the_target(string caseName)
    {
        using var predictor = Load();
        var c = Case(caseName);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Text(caseName) });
        var prediction = predictor.Predict(input);
        // The fixture's loss sums the masks' cross-entropies: the seed's single instance over all masks.
        var labeled = predictor.CombineInstances(predictor.PredictionsToLabeledInstances(input, prediction));
        var pass = predictor.GetGradients([labeled], Objective.Loss);
        var reference = c.GetProperty("word_embedding_grad");
        Close(-reference.GetProperty("loss").GetDouble(), pass.Objective[0], "objective = −loss");
        var gradient = pass.Fields[0][0];
        var l2 = Doubles(reference.GetProperty("l2_per_token"));
        var sums = Doubles(reference.GetProperty("sum_per_token"));
        for (int t = 0; t < gradient.Tokens; t++)
        {
            Close(l2[t], gradient.NormOf(t), $"‖∇‖ at {t}");
            Close(-sums[t], gradient.GradientOf(t).ToArray().Sum(), $"Σ∇ at {t} (negated: the objective is −loss)");
        }
    }

    public static TheoryData<string, string, string, string> CaptumRuns()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var file in new[] { BertCheckpoint.SafetensorsFile, BertCheckpoint.PickleFile })
        {
            data.Add(file, "nurse", "riemann-left", "riemann_left");
            data.Add(file, "nurse", "gauss-legendre", "gausslegendre");
            data.Add(file, "doctor_padded", "gauss-legendre", "gausslegendre");
            data.Add(file, "two_masks", "gauss-legendre", "gausslegendre");
            data.Add(file, "two_masks", "riemann-left", "riemann_left");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaptumRuns))]
    public void Integrated_gradients_of_the_target_logit_match_Captum(string weightsFile, string caseName, string rule, string captumName)
    {
        using var predictor = Load(weightsFile);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Text(caseName) });
        foreach (var run in Json.GetProperty("captum").GetProperty("cases").GetProperty(caseName).EnumerateArray())
        {
            var target = $"{run.GetProperty("target_token").GetString()}:{run.GetProperty("position").GetInt32()}";
            var options = new MethodOptions { Steps = 50, Rule = rule, Objective = "logit", Target = target };
            var result = new IntegratedGradient().InterpretToEnd(predictor, input, options);
            var instance = Assert.Single(result.Instances);
            var reference = run.GetProperty(captumName);
            // The fixture pads doctor_padded with [PAD]s; their attribution is 0 (zero embedding) and typed text has none.
            var expected = Doubles(reference.GetProperty("attr_sum_per_token"));
            Assert.All(expected.Skip(instance.Fields[0].Raw.Count), a => Assert.Equal(0, a));
            Close(expected.Take(instance.Fields[0].Raw.Count).ToArray(), instance.Fields[0].Raw, $"{caseName} {target} {rule} attributions");
            Close(reference.GetProperty("f_input").GetDouble() - reference.GetProperty("f_baseline").GetDouble(), instance.Completeness!.ObjectiveDelta, "f(x) − f(baseline)");
            Close(reference.GetProperty("attr_total").GetDouble(), instance.Completeness.AttributionSum, "Σ attributions");
        }
    }

    [Fact]
    public void Padding_a_shorter_input_in_a_batch_does_not_change_its_outputs()
    {
        using var predictor = Load();
        var shorter = predictor.Tokenize(new Dictionary<string, string> { ["text"] = "the cat [MASK] ." });
        var longer = predictor.Tokenize(new Dictionary<string, string> { ["text"] = "the doctor said [MASK] was late for the long meeting ." });
        var alone = predictor.Predict(shorter);
        var batched = predictor.Predict([shorter, longer])[0];
        var a = alone.Masks![0].Top;
        var b = batched.Masks![0].Top;
        Assert.Equal(a.Select(w => w.Label), b.Select(w => w.Label));
        for (int k = 0; k < a.Count; k++) Assert.Equal(a[k].Probability, b[k].Probability, 5);
    }

    [Fact]
    public void Text_without_a_mask_and_unreachable_targets_are_clear_input_errors()
    {
        using var predictor = Load();
        var e = Assert.Throws<InputException>(() => predictor.Tokenize(new Dictionary<string, string> { ["text"] = "no blank here" }));
        Assert.Contains("[MASK]", e.Message);
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = Text("nurse") });
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "##ing"));
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "qwertyuiopzz"));
        Assert.Throws<InputException>(() => predictor.WithTarget(input, "she:2"));
        Assert.Equal(4, predictor.WithTarget(input, "she").Label.Start);
    }
}
