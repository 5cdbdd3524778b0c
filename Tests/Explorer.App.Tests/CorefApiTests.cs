using System.Net;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>The coreference model through the HTTP API: clusters in the prediction, one interpretation per cluster
/// (or the chosen one), and the 512-token limit as a 400 naming it.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class CorefApiTests(ExplorerFactory factory)
{
    const string Model = "coref-litbank-bilstm";
    const string Text = "The doctor called the nurse because she was late.";
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Predict_answers_clusters_of_mentions_with_their_characters()
    {
        var prediction = await (await _client.PostAsync(Api.Predict(Model), $"{{\"text\":\"{Text}\"}}")).ReadAsync<Prediction>();

        Assert.NotEmpty(prediction.Clusters!);
        Assert.Equal(prediction.Clusters!.Count, prediction.Probabilities.Count);
        Assert.All(prediction.Clusters!.SelectMany(c => c.Mentions), m => Assert.Equal(m.Text, Text[m.CharStart..m.CharEnd]));
    }

    [Fact]
    public async Task Interpret_explains_the_chosen_cluster()
    {
        var result = await (await _client.PostAsync(Api.Interpret("simple-gradient", Model), Api.Request(Text, "{\"instance\":0}"))).ReadAsync<Interpretation>();

        var instance = Assert.Single(result.Instances);
        Assert.Equal("cluster", instance.Label.Kind);
        Assert.All(instance.Fields[0].Raw, r => Assert.True(double.IsFinite(r)));
    }

    [Fact]
    public async Task A_document_over_512_tokens_is_refused_naming_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("She was late .", 130));
        var detail = await (await _client.PostAsync(Api.Predict(Model), $"{{\"text\":\"{text}\"}}")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("512", detail);
    }
}
