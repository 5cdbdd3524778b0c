using System.Net;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>POST /api/models/{model}/attention: a transformer's attention probabilities per layer and head over its
/// tokens; a clear 400 for a model without attention; 404 for an unknown model.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class AttentionApiTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    static string Url(string model) => $"/api/models/{model}/attention";

    [Fact]
    public async Task A_bert_model_answers_layers_by_heads_by_tokens_by_tokens()
    {
        var maps = await (await _client.PostAsync(Url(ExplorerFactory.BertModel), "{\"text\":\"the nurse said that [MASK] was tired .\"}"))
            .ReadAsync<AttentionMaps>();

        Assert.Equal(ExplorerFactory.BertModel, maps.Model);
        Assert.False(string.IsNullOrEmpty(maps.ManifestHash));
        // [CLS] the nurse said that [MASK] was tired . [SEP]
        Assert.Equal(["[CLS]", "the", "nurse", "said", "that", "[MASK]", "was", "tired", ".", "[SEP]"], maps.Tokens.Select(t => t.Text));
        // tiny-bert: 2 layers of 2 heads (config.json).
        Assert.Equal((2, 2), (maps.Layers, maps.Heads));
        var n = maps.Tokens.Count;
        foreach (var layer in maps.Weights)
        foreach (var head in layer)
        {
            Assert.Equal(n, head.Count);
            foreach (var row in head)
            {
                Assert.Equal(n, row.Count);
                Assert.All(row, w => Assert.InRange(w, 0.0, 1.0));
                Assert.Equal(1.0, row.Sum(), 4);
            }
        }
    }

    [Fact]
    public async Task A_model_without_attention_is_a_400_that_says_so()
    {
        var detail = await (await _client.PostAsync(Url(ExplorerFactory.Model), "{\"text\":\"a fine film .\"}"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(ExplorerFactory.Model, detail);
        Assert.Contains("attention", detail);
        Assert.Contains("transformer", detail);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404()
    {
        var detail = await (await _client.PostAsync(Url("no-such-model"), "{\"text\":\"a fine film .\"}"))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-model", detail);
    }

    [Fact]
    public async Task Bad_input_for_a_bert_model_is_a_400_before_it_queues()
    {
        var detail = await (await _client.PostAsync(Url(ExplorerFactory.BertModel), "{\"text\":\"no mask here\"}"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("[MASK]", detail);
    }
}
