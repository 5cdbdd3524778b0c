using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.Tests;

[Collection(ExplorerCollection.Name)]
public sealed class ModelsApiTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Models_lists_the_demo_model_with_its_task_fields_labels_and_methods()
    {
        var models = await (await _client.GetAsync("/api/models")).ReadAsync<List<ModelInfo>>();

        var model = Assert.Single(models, m => m.Id == ExplorerFactory.Model);
        Assert.Equal("sentiment", model.Task);
        Assert.Equal(["text"], model.InputFields);
        Assert.Equal(["negative", "positive"], model.Labels);
        Assert.Equal(MethodNames.All, model.Methods);
        Assert.Equal(16, model.ManifestHash.Length);
        Assert.InRange(model.DevMetrics!["accuracy"], 0.5, 1.0);
    }

    [Fact]
    public async Task Predict_takes_the_input_object_and_answers_label_and_probabilities()
    {
        const string text = "a gorgeous, witty and deeply moving film.";
        var response = await _client.PostAsync(Api.Predict(), $"{{\"text\":\"{text}\"}}");
        var prediction = await response.ReadAsync<Prediction>();

        Assert.Equal(ExplorerFactory.Model, prediction.Model);
        Assert.Equal(2, prediction.Probabilities.Count);
        Assert.Equal(1.0, prediction.Probabilities.Sum(p => p.Probability), 6);
        Assert.Equal(prediction.Probabilities.MaxBy(p => p.Probability)!.Label, prediction.Label);
        Assert.Equal("positive", prediction.Label);
        var field = Assert.Single(prediction.Fields);
        Assert.Equal(text, field.Text);
        Assert.All(field.Tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
    }

    [Fact]
    public async Task Predict_says_negative_for_a_clearly_negative_review()
    {
        var prediction = await (await _client.PostAsync(Api.Predict(), "{\"text\":\"the plot is thin, the jokes fall flat and the ending drags on forever.\"}"))
            .ReadAsync<Prediction>();

        Assert.Equal("negative", prediction.Label);
    }
}
