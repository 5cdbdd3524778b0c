using System.Net;
using System.Text;
using System.Text.Json;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>Requests as a client would send them (JSON text) and their answers read back with ResultJson.</summary>
internal static class Api
{
    public static string Interpret(string method, string model = ExplorerFactory.Model) => $"/api/models/{model}/interpret/{method}";
    public static string Attack(string method, string model = ExplorerFactory.Model) => $"/api/models/{model}/attack/{method}";
    public static string Predict(string model = ExplorerFactory.Model) => $"/api/models/{model}/predict";

    public static string Request(string text, string? options = null) =>
        options is null ? $"{{\"input\":{{\"text\":{JsonSerializer.Serialize(text)}}}}}"
            : $"{{\"input\":{{\"text\":{JsonSerializer.Serialize(text)}}},\"options\":{options}}}";

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string body, CancellationToken cancellation = default) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), cancellation);

    /// <summary>The body as the record, read strictly (ResultJson rejects members the record does not have).</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("null", body); // nulls are left out, as in ResultJson
        return ResultJson.Deserialize<T>(body)!;
    }

    /// <summary>Asserts a ProblemDetails answer with this status and returns its detail.</summary>
    public static async Task<string> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        var detail = json.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }
}
