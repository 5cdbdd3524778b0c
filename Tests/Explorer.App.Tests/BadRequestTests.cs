using System.Net;
using Interpret.Core.Methods;

namespace Explorer.App.Tests;

/// <summary>Bad requests get a ProblemDetails whose detail says what is wrong: 400 for bad input (including a known
/// method on the other route), 404 for an unknown model or method, 413 for an oversized body. None reach the queue.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class BadRequestTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("{\"input\": {\"text\": \"good\"")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Malformed_json_is_400(string body)
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("Malformed JSON", detail);
    }

    [Fact]
    public async Task Malformed_json_on_predict_is_400()
    {
        await (await _client.PostAsync(Api.Predict(), "{\"text\":")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_is_400(string text)
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request(text))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("empty", detail);
    }

    [Fact]
    public async Task Text_over_the_length_limit_is_400_and_names_the_limit()
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), Api.Request(new string('a', 100_000))))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("100,000 characters", detail);
        Assert.Contains("limit is 5,000", detail);
    }

    [Fact]
    public async Task Text_over_the_length_limit_is_400_on_predict_too()
    {
        var detail = await (await _client.PostAsync(Api.Predict(), $"{{\"text\":\"{new string('b', 5_001)}\"}}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("limit is 5,000", detail);
    }

    [Theory]
    [InlineData("/api/models/no-such-model/predict")]
    [InlineData("/api/models/no-such-model/interpret/simple-gradient")]
    [InlineData("/api/models/no-such-model/attack/hotflip")]
    public async Task Unknown_model_is_404_and_lists_the_loaded_ones(string url)
    {
        var detail = await (await _client.PostAsync(url, Api.Request("fine"))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-model", detail);
        Assert.Contains(ExplorerFactory.Model, detail);
    }

    [Fact]
    public async Task Unknown_saliency_method_is_404()
    {
        var detail = await (await _client.PostAsync(Api.Interpret("lime-juice"), Api.Request("fine"))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("lime-juice", detail);
        Assert.Contains(MethodNames.IntegratedGradient, detail);
    }

    [Fact]
    public async Task Unknown_attack_is_404()
    {
        var detail = await (await _client.PostAsync(Api.Attack("teleport"), Api.Request("fine"))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains(MethodNames.HotFlip, detail);
    }

    [Fact]
    public async Task A_saliency_method_on_the_attack_route_is_400_and_points_to_the_interpret_route()
    {
        var detail = await (await _client.PostAsync(Api.Attack(MethodNames.SimpleGradient), Api.Request("fine"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"/interpret/{MethodNames.SimpleGradient}", detail);
    }

    [Fact]
    public async Task An_attack_on_the_interpret_route_is_400_and_points_to_the_attack_route()
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.HotFlip), Api.Request("fine"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"/attack/{MethodNames.HotFlip}", detail);
    }

    [Fact]
    public async Task An_unknown_option_member_is_400()
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request("fine", """{"stepz": 5}""")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("stepz", detail);
    }

    [Theory]
    [InlineData("""{"input": {"text": "fine"}, "extra": 1}""", "extra")]
    [InlineData("""{"input": {"text": 3}}""", "must be a string")]
    [InlineData("""{"input": {"sentence": "fine"}}""", "sentence")]
    [InlineData("""[1, 2]""", "JSON object")]
    [InlineData("""{"input": {"text": "fine"}, "options": {"steps": 0}}""", "Steps")]
    [InlineData("""{"input": {"text": "fine"}, "options": {"steps": "ten"}}""", "The option 'steps' must be a whole number")]
    [InlineData("""{"input": {"text": "fine"}, "options": {"target": "neutral"}}""", "neutral")]
    [InlineData("""{"input": {"text": "fine"}, "options": {"objective": "hope"}}""", "hope")]
    public async Task Other_bad_input_is_400_with_a_message(string body, string mentions)
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(mentions, detail);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var body = Api.Request(new string('a', 1_100_000));
        await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_bare_404_not_the_html_page()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
