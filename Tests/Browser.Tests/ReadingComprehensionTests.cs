using Interpret.Results;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>One question end to end: an example fills question and passage, the answer is marked in the passage as the
/// API gives it, saliency covers both fields, and input reduction removes only question words.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class ReadingComprehensionTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_question_is_answered_explained_and_reduced_leaving_the_passage_alone()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.ReaderModel);
        await explorer.Page.Locator("#example-0").ClickAsync();
        var input = new Dictionary<string, string>
        {
            ["question"] = await explorer.Page.Locator("#input-question").InputValueAsync(),
            ["passage"] = await explorer.Page.Locator("#input-passage").InputValueAsync(),
        };
        Assert.NotEmpty(input["question"]);
        Assert.True(input["passage"].Length > 200, "the example's passage is a paragraph");

        await explorer.PredictAsync();
        var api = await app.Api.PredictAsync(Inputs.ReaderModel, input);
        var best = api.Spans![0];
        output.WriteLine($"answer '{best.Text}' ({best.Probability:P1}) at characters {best.CharStart}–{best.CharEnd}");
        Assert.Equal(best.Text, await explorer.Page.Locator("#prediction mark.answer-mark").InnerTextAsync());
        Assert.Equal(api.Spans.Count, await explorer.Page.Locator("#prediction tr.answer-span").CountAsync());
        await explorer.ScreenshotAsync("reading-comprehension-answer");

        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        var rendered = await explorer.ReadSaliencyTokensAsync();
        Assert.Equal(["question", "passage"], rendered.Select(t => t.Field).Distinct());
        Assert.Equal(1, await explorer.Result.Locator(".color-legend").CountAsync());
        await explorer.ScreenshotAsync("reading-comprehension-saliency");
        // A passage this long starts at the answer's neighbourhood (the answer's tokens marked); one click shows it all.
        var passageTokens = api.Fields[1].Tokens.Count;
        Assert.True(passageTokens > 80, $"the example's passage has {passageTokens} tokens");
        Assert.True(rendered.Count(t => t.Field == "passage") < passageTokens);
        Assert.True(await explorer.Result.Locator(".saliency-field[data-field=passage] .label-span").CountAsync() > 0);
        await explorer.Result.Locator("button.saliency-show-whole").ClickAsync();
        await explorer.Page.WaitForFunctionAsync("n => document.querySelectorAll('#result .saliency-field[data-field=passage] .saliency-token').length === n", passageTokens);
        // Sentence sums: one cell per sentence of the passage, the answer's sentence marked.
        var ends = api.Fields[1].Tokens.Count(t => t.Text is "." or "!" or "?");
        var sentences = api.Fields[1].Tokens[^1].Text is "." or "!" or "?" ? ends : ends + 1;
        await explorer.Result.Locator("button[data-granularity=sentences-sum]").ClickAsync();
        await explorer.Page.WaitForFunctionAsync("n => document.querySelectorAll('#result .saliency-field[data-field=passage] .saliency-token').length === n", sentences);
        Assert.Equal(1, await explorer.Result.Locator(".saliency-field[data-field=passage] .label-span").CountAsync());
        Assert.Contains(best.Text, await explorer.Result.Locator(".saliency-field[data-field=passage] .label-span").InnerTextAsync());
        await explorer.ScreenshotAsync("reading-comprehension-sentences");

        await explorer.SelectMethodAsync("input-reduction");
        Assert.Equal("question", await explorer.Page.Locator("#option-field").InputValueAsync()); // the reader's default
        var options = await explorer.ReadMethodOptionsAsync();
        await explorer.ClickRunAsync();
        // The saliency result stays complete until the reduction's first record replaces it.
        await explorer.Page.Locator("#result[data-method='input-reduction'][data-complete='true']").WaitForAsync(new() { Timeout = 120_000 });
        await explorer.ScreenshotAsync("reading-comprehension-reduction");
        var removed = await explorer.ReadMarkedPositionsAsync(".removed[data-position]");
        var reduction = await app.Api.AttackAsync(Inputs.ReaderModel, "input-reduction", input, options);
        output.WriteLine($"removed {string.Join(", ", removed)}; the API's reduced question: {string.Join(' ', reduction.FinalFields[0].Tokens.Select(t => t.Text))}");
        Assert.NotEmpty(removed);
        Assert.Equal(reduction.Steps.SelectMany(s => s.Changes).Select(c => (c.Field, c.Position)).Distinct().Order(), removed);
        Assert.All(removed, r => Assert.Equal("question", r.Field));
        Assert.Equal(input["passage"], reduction.FinalFields[1].Text);
    }
}
