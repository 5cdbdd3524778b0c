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
    [InlineData("HEAD", "/api/models/sentiment-sst2-bilstm/predict", "POST")]
    [InlineData("OPTIONS", "/api/models/sentiment-sst2-bilstm/interpret/integrated-gradient", "POST")]
    [InlineData("TRACE", "/api/models/sentiment-sst2-bilstm/attack/input-reduction", "POST")]
    [InlineData("FROB", "/api/models/sentiment-sst2-bilstm/predict", "POST")]
    [InlineData("OPTIONS", "/api/models", "GET")]
    public async Task A_wrong_method_is_405_with_allow(string method, string path, string allowed)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(allowed, Assert.Single(response.Content.Headers.Allow));
        if (method == "HEAD") { Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode); return; } // no body
        var detail = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains($"{allowed} only", detail);
    }

    /// <summary>Every POST route the app maps, read from its endpoint data source, so a new route is covered too.</summary>
    [Fact]
    public async Task Get_on_every_post_route_is_405_with_allow_post()
    {
        var routes = ApiEndpoints.Routes(factory.Services).Where(r => r.Method == "POST").ToList();
        Assert.True(routes.Count >= 4, string.Join(", ", routes)); // predict, attention, interpret, attack, and any added later
        foreach (var (_, pattern) in routes)
        {
            var path = pattern.Replace("{model}", ExplorerFactory.Model).Replace("{method}", MethodNames.SimpleGradient);
            var response = await _client.GetAsync(path);

            var detail = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
            Assert.Equal("POST", Assert.Single(response.Content.Headers.Allow));
            Assert.Contains("POST only, not GET", detail);
        }
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
    [InlineData(MethodNames.IntegratedGradient, """{"steps": "many"}""", "The option 'steps' must be a whole number")]
    [InlineData(MethodNames.IntegratedGradient, """{"steps": 2.5}""", "The option 'steps' must be a whole number")]
    [InlineData(MethodNames.SmoothGradient, """{"noiseScale": "x"}""", "The option 'noiseScale' must be a number")]
    [InlineData(MethodNames.HotFlip, """{"joint": 1}""", "The option 'joint' must be true or false")]
    [InlineData(MethodNames.IntegratedGradient, """{"target": 3}""", "The option 'target' must be a string")]
    [InlineData(MethodNames.IntegratedGradient, """{"steps": {"n": 3}}""", "The option 'steps' must be a whole number")]
    [InlineData(MethodNames.IntegratedGradient, """{"steps": 1e12}""", "The option 'steps' must be a whole number")]
    [InlineData(MethodNames.IntegratedGradient, """{"rule": ["trapezoid"]}""", "The option 'rule' must be a string")]
    [InlineData(MethodNames.IntegratedGradient, """{"singleInstance": "yes"}""", "The option 'singleInstance' must be true or false")]
    [InlineData(MethodNames.IntegratedGradient, """{"stepz": 3}""", "Unknown option 'stepz' for integrated-gradient; its options are objective, target, instance, singleInstance, steps, rule, chunk.")]
    [InlineData(MethodNames.IntegratedGradient, """{"maxFlips": 3}""", "The option 'maxFlips' does not apply to integrated-gradient; its options are objective, target, instance, singleInstance, steps, rule, chunk.")]
    [InlineData(MethodNames.IntegratedGradient, """[1, 2]""", "The options must be an object")]
    public async Task Option_errors_speak_the_api_s_words(string method, string options, string expected)
    {
        var detail = await (await _client.PostAsync(MethodRegistry.IsAttack(method) ? Api.Attack(method) : Api.Interpret(method), Api.Request("fine", options)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith(expected, detail);
        AssertNoTypeNames(detail);
    }

    [Theory]
    [InlineData("attack", MethodNames.HotFlip, """{"stepz": 1}""", "Unknown option 'stepz' for hotflip; its options are objective, target, instance, singleInstance, field, maxFlips, joint.")]
    [InlineData("attack", MethodNames.InputReduction, """{"target": "positive"}""", "The option 'target' does not apply to input-reduction; its options are objective, instance, singleInstance, field, beamSize.")]
    [InlineData("interpret", MethodNames.SmoothGradient, """{"steps": 5}""", "The option 'steps' does not apply to smooth-gradient; its options are objective, target, instance, singleInstance, samples, noiseScale, seed, timesInput, chunk.")]
    [InlineData("interpret", MethodNames.SimpleGradient, """{"Chunk": 5}""", "The option 'Chunk' does not apply to simple-gradient; its options are objective, target, instance, singleInstance.")]
    public async Task An_option_error_names_the_option_and_lists_the_method_s_own(string route, string method, string options, string expected)
    {
        var url = route == "attack" ? Api.Attack(method) : Api.Interpret(method);
        var detail = await (await _client.PostAsync(url, Api.Request("fine", options))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(expected, detail);
    }

    [Theory]
    [InlineData("""{"input": {"text": "good", "text": "bad"}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"steps": 5, "steps": 6}}""")]
    [InlineData("""{"input": "good"}""")]
    [InlineData("""{"input": {"text": ["good"]}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"steps": -1}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"steps": 3000000000}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"rule": "simpson"}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"instance": 99}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"chunk": 0}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"objective": 1.5}}""")]
    [InlineData("""{"input": {"text": "\ud800"}}""")]
    [InlineData("""{"input": {"text": "good"}, "options": {"\ud800": 1}}""")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("{\"input\": {\"text\": \"good\"}} trailing")]
    public async Task No_400_detail_names_a_dotnet_type(string body)
    {
        foreach (var url in new[] { Api.Interpret(MethodNames.IntegratedGradient), Api.Predict() })
        {
            var response = await _client.PostAsync(url, body);
            if (url == Api.Predict() && response.StatusCode == HttpStatusCode.OK) continue; // predict ignores options
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} {body}: {(int)response.StatusCode}");
            AssertNoTypeNames(await response.ProblemAsync(HttpStatusCode.BadRequest));
        }
    }

    /// <summary>Type names the serializer would put in its own messages ("System.Int32", "Nullable`1", "JsonElement").</summary>
    static void AssertNoTypeNames(string detail)
    {
        foreach (var leak in new[] { "System.", "Interpret.", "Int32", "Double", "Boolean", "Nullable", "JsonElement", "`1" })
            Assert.DoesNotContain(leak, detail);
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
