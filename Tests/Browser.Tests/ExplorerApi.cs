using System.Net.Http.Json;
using Interpret.Results;

namespace Interpret.Browser.Tests;

/// <summary>The app's HTTP JSON API, read back into the shared result records.</summary>
public sealed class ExplorerApi(HttpClient http)
{
    public Task<IReadOnlyList<ModelInfo>> ModelsAsync() => GetAsync<IReadOnlyList<ModelInfo>>("api/models");

    public Task<Prediction> PredictAsync(string model, IReadOnlyDictionary<string, string> input) =>
        PostAsync<Prediction>($"api/models/{model}/predict", input);

    public Task<Interpretation> InterpretAsync(string model, string method, IReadOnlyDictionary<string, string> input, MethodOptions? options) =>
        PostAsync<Interpretation>($"api/models/{model}/interpret/{method}", new MethodRequest(input, options));

    public Task<Attack> AttackAsync(string model, string method, IReadOnlyDictionary<string, string> input, MethodOptions? options) =>
        PostAsync<Attack>($"api/models/{model}/attack/{method}", new MethodRequest(input, options));

    public Task<AttentionMaps> AttentionAsync(string model, IReadOnlyDictionary<string, string> input) =>
        PostAsync<AttentionMaps>($"api/models/{model}/attention", input);

    /// <summary>Fails with a message that says how to provide the model when the app did not load it (a missing model
    /// must fail a test, never skip it).</summary>
    public async Task<ModelInfo> RequireModelAsync(string id, string setting)
    {
        var models = await ModelsAsync();
        return models.FirstOrDefault(m => m.Id == id) ?? throw new InvalidOperationException(
            $"The app has no model '{id}' (loaded: {string.Join(", ", models.Select(m => m.Id))}). Ship models/{id}, or point " +
            $"{setting} at another model id and configure it as a checkpoint (Explorer__Checkpoints__0__Id / __Path).");
    }

    async Task<T> GetAsync<T>(string path)
    {
        using var response = await http.GetAsync(path);
        return await ReadAsync<T>(response, $"GET /{path}");
    }

    async Task<T> PostAsync<T>(string path, object body)
    {
        using var content = JsonContent.Create(body, body.GetType(), options: ResultJson.Options);
        using var response = await http.PostAsync(path, content);
        return await ReadAsync<T>(response, $"POST /{path} {ResultJson.Serialize(body)}");
    }

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        return ResultJson.Deserialize<T>(text)
               ?? throw new InvalidOperationException($"{what} answered an empty body.");
    }
}
