using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Methods;

/// <summary>The cost model against the work methods really do (<see cref="WorkMeter"/> counts every pass's token rows):
/// saliency methods exactly, attacks never above their estimate and within 2× of it when they use all they may.</summary>
public class WorkEstimatorTests
{
    const string Sentence = "a gorgeous , witty and deeply moving film about grief";

    public static TheoryData<string, string> SentimentRequests => new()
    {
        { MethodNames.SimpleGradient, "{}" },
        { MethodNames.IntegratedGradient, """{"steps": 7, "chunk": 3, "rule": "gauss-legendre"}""" },
        { MethodNames.SmoothGradient, """{"samples": 5, "chunk": 2}""" },
        { MethodNames.HotFlip, """{"maxFlips": 2}""" },
        { MethodNames.HotFlip, """{"target": "negative", "maxFlips": 3, "joint": true}""" },
        { MethodNames.HotFlip, """{"objective": "logit", "maxFlips": 2}""" },
        { MethodNames.InputReduction, """{"beamSize": 2}""" },
        { MethodNames.InputReduction, "{}" },
    };

    [Theory]
    [MemberData(nameof(SentimentRequests))]
    public void Sentiment(string method, string options)
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "sentiment-sst2-bilstm"));
        AssertEstimateHolds(predictor, method, Sentence, options);
    }

    [Theory]
    [InlineData(MethodNames.IntegratedGradient, """{"steps": 4}""")]
    [InlineData(MethodNames.SimpleGradient, "{}")]
    [InlineData(MethodNames.HotFlip, """{"instance": 1, "maxFlips": 2}""")]
    public void Every_entity_of_a_tagger(string method, string options)
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "ner-conll2003-bilstm-crf"));
        AssertEstimateHolds(predictor, method, "John Smith flew from Paris to Berlin with Lufthansa on Monday .", options);
    }

    [Theory]
    [InlineData(MethodNames.SmoothGradient, """{"samples": 3}""")]
    [InlineData(MethodNames.IntegratedGradient, """{"steps": 3, "singleInstance": true}""")]
    public void Every_mask_of_a_masked_lm(string method, string options)
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "mlm-gutenberg-bert"));
        AssertEstimateHolds(predictor, method, "the [MASK] said that she was [MASK] .", options);
    }

    [Fact]
    public void The_budget_refuses_before_any_work_and_names_what_to_lower()
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "sentiment-sst2-bilstm"));
        var request = new MethodRequest(new Dictionary<string, string> { ["text"] = Sentence }, new MethodOptions { Steps = 100_000 });
        var estimate = MethodRunner.Estimate(predictor, MethodNames.IntegratedGradient, request);
        var before = WorkMeter.Read();

        var error = Assert.Throws<OverBudgetException>(() => MethodRunner.Validate(predictor, MethodNames.IntegratedGradient, request, new WorkBudget(estimate / 2)));

        Assert.Equal(before, WorkMeter.Read());
        Assert.Contains("200 %", error.Message);
        Assert.Contains("Lower steps", error.Message);
        MethodRunner.Validate(predictor, MethodNames.IntegratedGradient, request, new WorkBudget(estimate));
    }

    [Fact]
    public void A_tagger_over_the_budget_stops_after_its_prediction()
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "ner-conll2003-bilstm-crf"));
        var text = "John Smith flew from Paris to Berlin with Lufthansa on Monday .";
        var request = new MethodRequest(new Dictionary<string, string> { ["text"] = text }, new MethodOptions { Steps = 50 });
        // Before the prediction one entity is assumed; the text has several, so twice the one-entity estimate is too little.
        var oneEntity = MethodRunner.Estimate(predictor, MethodNames.IntegratedGradient, request);
        var budget = new WorkBudget(oneEntity * 2);
        MethodRunner.Validate(predictor, MethodNames.IntegratedGradient, request, budget);
        var before = WorkMeter.Read();

        var error = Assert.Throws<OverBudgetException>(() => MethodRunner.Run(predictor, MethodNames.IntegratedGradient, request, budget: budget).ToList());

        Assert.Contains("pick one instance (instance) of the", error.Message);
        var done = WorkMeter.Read() - before;
        Assert.Equal(new WorkCount(predictor.Tokenize(request.Input).TokenCount, 0), done); // the prediction only
    }

    static void AssertEstimateHolds(Predictor predictor, string method, string text, string optionsJson)
    {
        var options = RequestParser.ParseOptions(optionsJson);
        var request = new MethodRequest(new Dictionary<string, string> { ["text"] = text }, options);
        var input = predictor.Tokenize(request.Input);
        var instances = LabeledInstances.Select(predictor, input, predictor.Predict(input), options).Count;
        var resolved = MethodRegistry.IsSaliency(method) ? MethodRegistry.Saliency(method).Resolve(options) : MethodRegistry.Attack(method).Resolve(options);
        var estimate = WorkEstimator.Estimate(method, resolved, input, instances, predictor.AttackedField(input, resolved.Field));

        var before = WorkMeter.Read();
        var last = MethodRunner.Run(predictor, method, request).Last();
        var measured = WorkMeter.Read() - before;

        var what = $"{method} {optionsJson}: estimate {estimate}, measured {measured}";
        Assert.True(measured.Tokens <= estimate.Tokens, what);
        bool usedAll = last switch
        {
            Interpretation => true,
            Attack { Method: MethodNames.HotFlip } a => a.Steps.Count == a.Options.MaxFlips,
            Attack a => a.FinalFields[^1].Tokens.Count == 1,
            _ => false,
        };
        if (last is Interpretation) Assert.True(estimate == measured, what);
        if (usedAll) Assert.True(estimate.Tokens <= 2 * measured.Tokens, what);
    }
}
