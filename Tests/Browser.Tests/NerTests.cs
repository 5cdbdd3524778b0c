using Interpret.Results;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>NER end to end on the seed's Figure-1 sentence: Predict shows the entity chips, a chip picks the entity,
/// and the run explains that entity only.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class NerTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    async Task<ExplorerPage> OpenWithFigure1Async()
    {
        var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.NerModel);
        // The first NER example is the Figure-1 sentence.
        await explorer.Page.Locator("#example-0").ClickAsync();
        await explorer.Page.WaitForFunctionAsync("s => document.getElementById('input-text').value === s", Inputs.NerSentence);
        await explorer.PredictAsync();
        return explorer;
    }

    [Fact]
    public async Task Predict_shows_one_chip_per_entity_and_the_chosen_entity_is_the_one_reduced()
    {
        await using var explorer = await OpenWithFigure1Async();

        var chips = await explorer.ReadEntityChipsAsync();
        Assert.Equal([("PER", "John Smith"), ("ORG", "Microsoft"), ("LOC", "Seattle")], chips.Select(c => (c.Type, c.Words)));
        Assert.Equal([true, false, false], chips.Select(c => c.Pressed)); // the first entity by default
        Assert.Equal(3, chips.Select(c => c.Background).Distinct().Count());
        Assert.Contains("PER: John Smith", await explorer.Page.Locator("#prediction .prediction-label").TextContentAsync());

        await explorer.PickEntityAsync(1);
        Assert.Equal([false, true, false], (await explorer.ReadEntityChipsAsync()).Select(c => c.Pressed));

        await explorer.SelectMethodAsync("input-reduction");
        var options = await explorer.ReadMethodOptionsAsync();
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("ner-input-reduction-microsoft");

        Assert.Equal("input-reduction", await explorer.Result.GetAttributeAsync("data-method"));
        Assert.Equal("1", await explorer.Result.GetAttributeAsync("data-instance"));
        var instance = explorer.Result.Locator(".attack-instance");
        Assert.Equal("ORG", await instance.GetAttributeAsync("data-label"));
        Assert.Equal("entity ORG: Microsoft", (await instance.TextContentAsync())?.Trim());
        var reduced = await explorer.Result.Locator(".reduction-result .reduction-token").AllTextContentsAsync();
        output.WriteLine($"reduced to: {string.Join(' ', reduced)}");
        Assert.Contains("Microsoft", reduced);
        Assert.Contains("ORG: Microsoft", await explorer.Result.Locator(".reduction-confidence").TextContentAsync());
        // The choice stays after the run.
        Assert.Equal("true", await explorer.Page.Locator("#entity-1").GetAttributeAsync("aria-pressed"));

        // The API, asked for instance 1, removes the same positions.
        var api = await app.Api.AttackAsync(Inputs.NerModel, "input-reduction", Inputs.NerText, options with { Instance = 1 });
        Assert.Equal(new InstanceLabel("tag", "ORG", "text", 7, 8), api.Label);
        Assert.Equal(
            api.Steps.SelectMany(s => s.Changes).Select(c => (c.Field, c.Position)).Distinct().Order(),
            await explorer.ReadMarkedPositionsAsync(".removed[data-position]"));
    }

    [Fact]
    public async Task Saliency_explains_the_chosen_entity_or_all_of_them()
    {
        await using var explorer = await OpenWithFigure1Async();
        await explorer.SelectMethodAsync("simple-gradient");
        // By keyboard: the chips are buttons, so focus and Space press one.
        await explorer.Page.Locator("#entity-2").FocusAsync();
        await explorer.Page.Keyboard.PressAsync("Space");
        await explorer.Page.Locator("#entity-2[aria-pressed='true']").WaitForAsync();
        Assert.Equal("false", await explorer.Page.Locator("#entity-0").GetAttributeAsync("aria-pressed"));

        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("ner-simple-gradient-seattle");
        Assert.Equal("2", await explorer.Result.GetAttributeAsync("data-instance"));
        var section = explorer.Result.Locator(".saliency-instance");
        Assert.Equal(1, await section.CountAsync());
        Assert.Equal("LOC", await section.GetAttributeAsync("data-label"));
        Assert.StartsWith("LOC: Seattle at text[10..11)", await section.Locator(".saliency-label").TextContentAsync());
        Assert.Equal(["Seattle"], await explorer.Result.Locator(".saliency-token.label-span").AllTextContentsAsync());

        // "All entities": one heatmap per entity, in the chips' order.
        await explorer.Page.Locator("#entity-all").ClickAsync();
        await explorer.Page.Locator("#entity-all[aria-pressed='true']").WaitForAsync();
        await explorer.ClickRunAsync();
        await explorer.Page.Locator("#progress[data-run='2'][data-state='done']").WaitForAsync(new() { Timeout = 120_000 });
        await explorer.WaitForCompleteAsync();
        Assert.Null(await explorer.Result.GetAttributeAsync("data-instance"));
        var labels = await explorer.Result.Locator(".saliency-instance").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.label)");
        Assert.Equal(["PER", "ORG", "LOC"], labels);
    }

    [Fact]
    public async Task Editing_the_text_marks_the_entities_stale_until_the_next_prediction()
    {
        await using var explorer = await OpenWithFigure1Async();
        await explorer.PickEntityAsync(1);

        await explorer.TypeInputAsync("text", "Angela Merkel met Emmanuel Macron in Paris.");
        await explorer.Page.Locator("#prediction-stale").WaitForAsync();
        Assert.True(await explorer.Page.Locator("#entity-0").IsDisabledAsync());

        // Run predicts the new text first and explains its first entity.
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.Page.Locator("#prediction-stale").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var chips = await explorer.ReadEntityChipsAsync();
        output.WriteLine(string.Join("; ", chips.Select(c => $"{c.Type} {c.Words}")));
        Assert.Contains(chips, c => c.Words == "Paris");
        Assert.True(chips[0].Pressed);
        Assert.Equal("0", await explorer.Result.GetAttributeAsync("data-instance"));
        Assert.Equal(chips[0].Type, await explorer.Result.Locator(".saliency-instance").GetAttributeAsync("data-label"));
    }

    [Fact]
    public async Task A_sentence_without_entities_has_no_chips_and_nothing_to_run()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.NerModel);
        await explorer.TypeInputAsync("text", "the weather was lovely all week.");
        await explorer.PredictAsync();

        Assert.Equal(0, await explorer.EntityChips.CountAsync());
        Assert.Contains("No entities", await explorer.TaggedSentence.Locator(".tagged-none").TextContentAsync());
        Assert.Equal("the weather was lovely all week.", (await explorer.TaggedSentence.Locator(".tagged-tokens").TextContentAsync())?.Trim());

        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.ClickRunAsync();
        await explorer.Page.Locator("#progress[data-state='failed']").WaitForAsync();
        Assert.Contains("no entities", await explorer.Page.Locator("#error").TextContentAsync());
    }
}
