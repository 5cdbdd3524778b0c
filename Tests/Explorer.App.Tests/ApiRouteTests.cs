using System.Net;
using Interpret.Core.Methods;

namespace Explorer.App.Tests;

/// <summary>Every answer under /api is JSON a client can read: a wrong HTTP method is 405 with Allow, an unknown path
/// 404, both ProblemDetails; and no error answer carries a stack trace, a .NET type name or a path of this machine.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ApiRouteTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("GET", "/api/models/sentiment-sst2-bilstm/predict", "POST")]
    [InlineData("GET", "/api/models/sentiment-sst2-bilstm/interpret/simple-gradient", "POST")]
    [InlineData("PUT", "/api/models/sentiment-sst2-bilstm/attack/hotflip", "POST")]
    [InlineData("GET", "/api/models/tiny-bert/attention", "POST")]
    [InlineData("DELETE", "/api/models", "GET")]
    [InlineData("POST", "/api/models", "GET")]
    public async Task A_wrong_method_is_405_with_allow(string method, string path, string allowed)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var detail = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allowed, Assert.Single(response.Content.Headers.Allow));
        Assert.Contains($"{allowed} only", detail);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/api/models/sentiment-sst2-bilstm/explain/simple-gradient")]
    [InlineData("/api")]
    public async Task An_unknown_api_path_is_a_404_problem(string path)
    {
        var detail = await (await _client.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("POST /api/models/{model}/predict", detail);
    }

    [Theory]
    [InlineData("""{"steps": "many"}""", "The option 'steps' must be a whole number")]
    [InlineData("""{"steps": 2.5}""", "The option 'steps' must be a whole number")]
    [InlineData("""{"noiseScale": "x"}""", "The option 'noiseScale' must be a number")]
    [InlineData("""{"joint": 1}""", "The option 'joint' must be true or false")]
    [InlineData("""{"target": 3}""", "The option 'target' must be a string")]
    [InlineData("""{"stepz": 3}""", "Unknown option 'stepz'; the options are objective, target")]
    [InlineData("""[1, 2]""", "The options must be an object")]
    public async Task Option_errors_speak_the_api_s_words(string options, string expected)
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), Api.Request("fine", options)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith(expected, detail);
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("Interpret.", detail);
    }

    [Theory]
    [InlineData("""{"input": {"text": "good", "text": "bad"}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"steps": 5, "steps": 500}}""")]
    [InlineData("""{"input": {"text": "good"}, "input": {"text": "bad"}}""")]
    public async Task A_key_given_twice_is_400(string body)
    {
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.IntegratedGradient), body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Duplicate", detail);
    }

    [Fact]
    public async Task No_error_answer_carries_internals()
    {
        var repo = Path.GetFullPath(Path.Combine(ExplorerFactory.TinyBertFolder, "..", "..", ".."));
        (string Method, string Path, string? Body)[] requests =
        [
            ("POST", Api.Predict(), "{"), ("POST", Api.Predict("nope"), "{}"), ("POST", Api.Interpret("nope"), "{}"),
            ("POST", Api.Interpret(MethodNames.HotFlip), Api.Request("fine")), ("POST", Api.Attack(MethodNames.HotFlip), Api.Request("")),
            ("POST", Api.Interpret(MethodNames.SmoothGradient), Api.Request("fine", """{"samples": -1}""")),
            ("POST", "/api/models/sentiment-sst2-bilstm/attention", "{\"text\": \"fine\"}"),
            ("GET", Api.Predict(), null), ("GET", "/api/x", null),
        ];
        foreach (var (method, path, body) in requests)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            var response = await _client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain(repo, text);
            Assert.DoesNotContain("Exception", text);
        }
    }
}
