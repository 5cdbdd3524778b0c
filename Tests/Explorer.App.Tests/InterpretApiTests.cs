using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.Tests;

[Collection(ExplorerCollection.Name)]
public sealed class InterpretApiTests(ExplorerFactory factory)
{
    const string Text = "an unflinching, beautifully acted portrait of a family coming apart.";
    readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> SaliencyMethods => new(MethodNames.Saliency);

    [Theory]
    [MemberData(nameof(SaliencyMethods))]
    public async Task Each_saliency_method_returns_a_complete_interpretation_with_scores_per_token(string method)
    {
        var result = await (await _client.PostAsync(Api.Interpret(method), Api.Request(Text))).ReadAsync<Interpretation>();

        Assert.Equal(method, result.Method);
        Assert.Equal(ExplorerFactory.Model, result.Model);
        Assert.True(result.Complete);
        Assert.Equal(result.Progress.Total, result.Progress.Done);
        Assert.True(result.GradientPasses >= 1);
        var instance = Assert.Single(result.Instances);
        Assert.Equal("class", instance.Label.Kind);
        Assert.Equal(1.0, instance.Probabilities.Sum(p => p.Probability), 6);
        var field = Assert.Single(instance.Fields);
        Assert.Equal("text", field.Name);
        Assert.Equal(Text, field.Text);
        Assert.NotEmpty(field.Tokens);
        Assert.All(field.Tokens, t => Assert.Equal(t.Text, Text[t.Start..t.End]));
        Assert.Equal(field.Tokens.Count, field.Raw.Count);
        Assert.Equal(field.Tokens.Count, field.Normalized.Count);
        Assert.All(field.Raw, r => Assert.True(double.IsFinite(r)));
        Assert.All(field.Normalized, n => Assert.InRange(n, 0, 1));
        Assert.Equal(1.0, field.Normalized.Sum(), 6);
    }

    [Fact]
    public async Task Integrated_gradients_fills_in_its_default_options_and_reports_completeness()
    {
        var result = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request(Text))).ReadAsync<Interpretation>();

        Assert.Equal(10, result.Options.Steps);
        Assert.Equal("riemann-left", result.Options.Rule);
        Assert.Equal("loss", result.Options.Objective);
        Assert.Equal(10, result.Options.Chunk);
        Assert.Equal(new Progress(10, 10), result.Progress);
        Assert.NotNull(Assert.Single(result.Instances).Completeness);
    }

    [Fact]
    public async Task Smooth_gradient_fills_in_samples_noise_and_seed()
    {
        var result = await (await _client.PostAsync(Api.Interpret(MethodNames.SmoothGradient), Api.Request(Text))).ReadAsync<Interpretation>();

        Assert.Equal(10, result.Options.Samples);
        Assert.Equal(0.01, result.Options.NoiseScale);
        Assert.Equal(0, result.Options.Seed);
        Assert.False(result.Options.TimesInput);
    }

    [Fact]
    public async Task Requested_options_are_used_and_reported()
    {
        var body = Api.Request(Text, """{"steps": 20, "chunk": 5, "rule": "trapezoid", "target": "negative", "objective": "log-prob"}""");
        var result = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), body)).ReadAsync<Interpretation>();

        Assert.Equal(20, result.Options.Steps);
        Assert.Equal(5, result.Options.Chunk);
        Assert.Equal("trapezoid", result.Options.Rule);
        Assert.Equal("log-prob", result.Options.Objective);
        Assert.Equal(4, result.GradientPasses);
        Assert.Equal("negative", Assert.Single(result.Instances).Label.Value);
    }

    [Fact]
    public async Task The_input_object_alone_is_accepted_as_a_request_without_options()
    {
        var result = await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), "{\"text\":\"too long and too loud.\"}"))
            .ReadAsync<Interpretation>();

        Assert.True(result.Complete);
    }

    [Fact]
    public async Task Same_request_same_scores()
    {
        var body = Api.Request(Text, """{"samples": 6, "seed": 3}""");
        var first = await (await _client.PostAsync(Api.Interpret(MethodNames.SmoothGradient), body)).ReadAsync<Interpretation>();
        var second = await (await _client.PostAsync(Api.Interpret(MethodNames.SmoothGradient), body)).ReadAsync<Interpretation>();

        Assert.Equal(first.Instances[0].Fields[0].Raw, second.Instances[0].Fields[0].Raw);
    }
}
