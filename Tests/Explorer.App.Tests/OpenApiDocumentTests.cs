using System.Net;
using System.Text.Json;
using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>/openapi/v1.json describes exactly the routes the app maps (read from its endpoint data source, so a route
/// added without docs fails here), each with its record, its problem answers and an example that the API serves.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class OpenApiDocumentTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    async Task<JsonElement> DocumentAsync(HttpClient? client = null, string path = "/openapi/v1.json")
    {
        var response = await (client ?? _client).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(op => (op.Name.ToUpperInvariant(), path.Name, op.Value)));

    [Fact]
    public async Task It_lists_every_api_route_and_nothing_else()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.False(document.TryGetProperty("security", out _)); // sign-in is off here
        var routes = ApiEndpoints.Routes(factory.Services).Select(r => $"{r.Method} {r.Pattern}").Order();
        var documented = Operations(document).Select(o => $"{o.Method} {o.Path}").Order();
        Assert.Equal(routes, documented);
    }

    [Fact]
    public async Task Each_operation_has_its_record_its_problems_and_an_example()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var (method, path, operation) in Operations(document))
        {
            var where = $"{method} {path}";
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()), where);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), where);
            var responses = operation.GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), where);
            Assert.True(responses.TryGetProperty("401", out _), where);
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Assert.True(parameter.TryGetProperty("example", out _), $"{where}: {parameter.GetProperty("name")} has no example");
                Assert.True(parameter.TryGetProperty("description", out _), $"{where}: {parameter.GetProperty("name")} has no description");
            }
            if (method != "POST") continue;
            var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.True(body.TryGetProperty("schema", out _), where);
            Assert.True(body.TryGetProperty("example", out _), $"{where} has no request example");
            foreach (var status in new[] { "400", "404", "413", "415", "429", "503" })
            {
                var problem = responses.GetProperty(status);
                Assert.DoesNotContain(problem.GetProperty("description").GetString(), new[] { "Bad Request", "Not Found", "Service Unavailable" });
                var schema = problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                Assert.True(schemas.TryGetProperty(schema!.Split('/')[^1], out _), $"{where} {status}: {schema}");
            }
        }
    }

    /// <summary>Each example parses as the record its route reads (strictly: ResultJson refuses unknown members), and
    /// sent as it stands it is served: the documented request works on the shipped models.</summary>
    [Fact]
    public async Task Every_example_parses_as_the_request_record_and_is_served()
    {
        var document = await DocumentAsync();

        foreach (var (method, path, operation) in Operations(document))
        {
            var url = path;
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
                url = url.Replace($"{{{parameter.GetProperty("name").GetString()}}}", parameter.GetProperty("example").GetString());
            var id = operation.GetProperty("operationId").GetString();
            if (method == "GET")
            {
                Assert.NotEmpty(await (await _client.GetAsync(url)).ReadAsync<IReadOnlyList<ModelInfo>>());
                continue;
            }
            var example = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();
            var response = await _client.PostAsync(url, example);
            switch (id)
            {
                case "Predict":
                    Assert.NotNull(ResultJson.Deserialize<Dictionary<string, string>>(example));
                    Assert.NotEmpty((await response.ReadAsync<Prediction>()).Label);
                    break;
                case "Attention":
                    Assert.NotNull(ResultJson.Deserialize<Dictionary<string, string>>(example));
                    Assert.NotEmpty((await response.ReadAsync<AttentionMaps>()).Tokens);
                    break;
                case "Interpret":
                    Assert.NotNull(RequestParser.Parse(example, method: url.Split('/')[^1]).Options);
                    Assert.NotNull(ResultJson.Deserialize<MethodRequest>(example));
                    Assert.NotEmpty((await response.ReadAsync<Interpretation>()).Instances);
                    break;
                case "Attack":
                    Assert.NotNull(RequestParser.Parse(example, method: url.Split('/')[^1]).Options);
                    Assert.NotNull(ResultJson.Deserialize<MethodRequest>(example));
                    Assert.NotEmpty((await response.ReadAsync<Attack>()).Steps);
                    break;
                default:
                    Assert.Fail($"{method} {path}: operation '{id}' has no check here; add one.");
                    break;
            }
        }
    }

    [Fact]
    public async Task It_is_served_under_the_path_base_and_names_it_as_the_server()
    {
        var document = await DocumentAsync(path: ExplorerFactory.PathBase + "/openapi/v1.json");

        Assert.EndsWith(ExplorerFactory.PathBase, document.GetProperty("servers")[0].GetProperty("url").GetString()!.TrimEnd('/'));
    }

    [Fact]
    public async Task The_header_s_api_button_opens_the_document()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Matches("id=\"api-link\"[^>]*href=\"openapi/v1.json\"|href=\"openapi/v1.json\"[^>]*id=\"api-link\"", html);
    }

    /// <summary>With sign-in on and a rate limit of one request a minute, the document is still generated and served,
    /// to anonymous and signed-in clients alike, as often as they ask.</summary>
    [Fact]
    public async Task With_sign_in_and_a_tight_rate_limit_it_is_served_to_everyone_every_time()
    {
        await using var app = factory.WithWebHostBuilder(b =>
        {
            TestSignIn.Configure(b);
            b.UseSetting("Api:RateLimit:RequestsPerMinute", "1");
            b.UseSetting("Api:RateLimit:Burst", "1");
        });
        var routes = ApiEndpoints.Routes(app.Services).Count;
        foreach (var client in new[] { TestSignIn.Client(app), TestSignIn.Client(app, "a") })
            for (var i = 0; i < 3; i++)
                Assert.Equal(routes, Operations(await DocumentAsync(client)).Count());
        // It says the API takes a JWT bearer token.
        var document = await DocumentAsync(TestSignIn.Client(app));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
        // The API itself still wants a token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestSignIn.Client(app).GetAsync("/api/models")).StatusCode);
    }
}
