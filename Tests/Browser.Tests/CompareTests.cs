using Interpret.Results;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>Side by side: the same text and method on two models of the same task (by default the BiLSTM and the BERT
/// sentiment classifiers, <see cref="Inputs.CompareModels"/>), in two columns next to each other, each equal to what
/// the API answers for its own model with the same options.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class CompareTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_method_on_a_second_model_shows_in_a_column_beside_the_first()
    {
        var (left, right) = Inputs.CompareModels;
        var leftModel = await app.Api.RequireModelAsync(left, Inputs.CompareModelsSetting);
        await app.Api.RequireModelAsync(right, Inputs.CompareModelsSetting);
        var input = leftModel.Task == "masked-lm" ? Inputs.MaskText : Inputs.Text;

        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(left);
        await explorer.SelectCompareModelAsync(right);
        await explorer.TypeInputAsync("text", input["text"]);
        await explorer.SelectMethodAsync("integrated-gradient");
        var options = await explorer.SetMethodOptionsAsync("integrated-gradient", steps: 10, chunk: 10);
        await explorer.ClickRunAsync();
        await explorer.Page.Locator("#progress[data-state='done']").WaitForAsync(new() { Timeout = 120_000 });
        await explorer.ScreenshotAsync("compare-side-by-side");

        Assert.Equal((left, "true"), (await explorer.Result.GetAttributeAsync("data-model"), await explorer.Result.GetAttributeAsync("data-complete")));
        Assert.Equal((right, "true"), (await explorer.CompareResult.GetAttributeAsync("data-model"), await explorer.CompareResult.GetAttributeAsync("data-complete")));
        Assert.Equal("integrated-gradient", await explorer.CompareResult.GetAttributeAsync("data-method"));
        Assert.Equal(0, await explorer.Page.Locator("#compare-error").CountAsync());

        // Next to each other: the right column starts where the left one ends, at the same height.
        var a = (await explorer.Result.BoundingBoxAsync())!;
        var b = (await explorer.CompareResult.BoundingBoxAsync())!;
        output.WriteLine($"left x {a.X} w {a.Width} y {a.Y}; right x {b.X} w {b.Width} y {b.Y}");
        Assert.True(b.X >= a.X + a.Width - 1, "the comparison column is not to the right of the result");
        Assert.InRange(b.Y, a.Y - 1, a.Y + 1);

        // Each column is its own model's answer to the same question.
        foreach (var (model, column) in new[] { (left, explorer.Result), (right, explorer.CompareResult) })
        {
            var instance = options with { Instance = leftModel.Task == "masked-lm" ? 0 : null };
            var api = await app.Api.InterpretAsync(model, "integrated-gradient", input, instance);
            var field = Assert.Single(Assert.Single(api.Instances).Fields);
            var rendered = await explorer.ReadSaliencyTokensAsync(column);
            output.WriteLine($"{model}: {string.Join(' ', rendered.Select(t => $"{t.Text}={t.ScoreValue:0.000}"))}");
            Assert.Equal(field.Tokens.Select(t => t.Text), rendered.Select(t => t.Text));
            Assert.Equal(field.Raw, rendered.Select(t => t.ScoreValue)); // IG is gradient × input: shown signed
        }
        var prediction = await app.Api.PredictAsync(right, input);
        Assert.Contains(prediction.Label, await explorer.Page.Locator("#compare-prediction").TextContentAsync());
    }
}
