using System.Text.Json;
using Interpret.Results;
using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>Feedback where the user looks, a view that survives a reload, and taking a result away: the error beside
/// Run in view at 1400 × 900 after scrolling to the bottom, the set-up reopened from the URL, dark mode kept, an
/// attack's text put back into the input box, and the result saved as the API's JSON.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class ExplorerStateTests(ExplorerAppFixture app)
{
    [Fact]
    public async Task An_error_is_in_view_beside_Run_after_scrolling_to_the_bottom_and_Run_says_why_it_is_off()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.Page.SetViewportSizeAsync(1400, 900);
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();

        await explorer.TypeInputAsync("text", "   ");
        await explorer.Page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await explorer.ClickRunAsync();
        var error = explorer.Page.Locator("#error");
        await error.WaitForAsync();
        var box = (await error.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 900, $"the error is at y = {box.Y}..{box.Y + box.Height}, outside the 900 px viewport");
        Assert.True(await explorer.RunButton.IsVisibleAsync());
        // The box the error concerns says it too.
        await Assertions.Expect(explorer.Page.Locator(".mud-input-control:has(#input-text) .mud-input-helper-text"))
            .ToContainTextAsync("The 'text' field is empty");
        await explorer.ScreenshotAsync("error-beside-run");

        // Over the length limit: Run is off and says why, before any click.
        await explorer.TypeInputAsync("text", new string('a', 5_001));
        await Assertions.Expect(explorer.Page.Locator("#run-blocked")).ToContainTextAsync("Run is off: the text is over the limit of 5,000 characters.");
        Assert.True(await explorer.RunButton.IsDisabledAsync());
        await explorer.AssertAccessibleAsync("run blocked");
    }

    [Fact]
    public async Task A_reload_reopens_model_method_options_and_input_from_the_url()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.NliModel);
        await explorer.SelectMethodAsync("integrated-gradient");
        await explorer.SetOptionAsync("option-steps", 7);
        await explorer.TypeInputAsync("premise", Inputs.Premise);
        await explorer.TypeInputAsync("hypothesis", "Nobody is making music.");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        Assert.Contains("model=nli-snli-esim", explorer.Page.Url);

        await explorer.Page.ReloadAsync();
        await explorer.Page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        Assert.Equal(Inputs.NliModel, await explorer.Page.Locator("#model-select").InputValueAsync());
        Assert.Equal("integrated-gradient", await explorer.Page.Locator("#method-select").InputValueAsync());
        Assert.Equal(7, (await explorer.ReadMethodOptionsAsync()).Steps);
        Assert.Equal(Inputs.Premise, await explorer.Page.Locator("#input-premise").InputValueAsync());
        Assert.Equal("Nobody is making music.", await explorer.Page.Locator("#input-hypothesis").InputValueAsync());
    }

    [Fact]
    public async Task Dark_mode_survives_a_reload()
    {
        await using var explorer = await app.OpenPageAsync();
        const string background = "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";
        var light = await explorer.Page.EvaluateAsync<string>(background);
        await explorer.Page.Locator("#theme-toggle").ClickAsync();
        await explorer.Page.WaitForFunctionAsync($"light => ({background})() !== light", light);
        var dark = await explorer.Page.EvaluateAsync<string>(background);

        await explorer.Page.ReloadAsync();
        await explorer.Page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await explorer.Page.WaitForFunctionAsync($"dark => ({background})() === dark", dark);
        await explorer.ScreenshotAsync("dark-mode-after-reload");
    }

    [Fact]
    public async Task An_attack_puts_its_text_into_the_input_and_the_result_saves_as_the_apis_json()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync("hotflip");
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await Assertions.Expect(explorer.Result.Locator(".attack-changed")).ToContainTextAsync("changed: ");

        var download = await explorer.Page.RunAndWaitForDownloadAsync(() => explorer.Page.Locator("#export-json").ClickAsync());
        var saved = JsonSerializer.Deserialize<Attack>(await File.ReadAllTextAsync((await download.PathAsync())!), ResultJson.Options)!;
        Assert.Equal("hotflip", saved.Method);
        Assert.Equal(Inputs.Sentence, saved.OriginalFields[0].Text);
        var flips = saved.Steps.SelectMany(s => s.Changes).ToList();
        Assert.NotEmpty(flips);

        await explorer.Result.Locator("button.use-as-input").ClickAsync();
        // The box changes once the circuit's answer arrives.
        await Assertions.Expect(explorer.Page.Locator("#input-text")).Not.ToHaveValueAsync(Inputs.Sentence);
        var text = await explorer.Page.Locator("#input-text").InputValueAsync();
        Assert.All(flips, f => Assert.Contains(f.After!, text));
        await explorer.ScreenshotAsync("attack-used-as-input");
    }

    [Fact]
    public async Task Arabic_on_an_english_model_is_flagged_as_unknown_and_its_tokens_read_right_to_left()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.TypeInputAsync("text", "كان الفيلم رائعا جدا");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();

        await Assertions.Expect(explorer.Page.Locator(".unknown-words")).ToContainTextAsync("4 of the 4 tokens of the text are unknown");
        var tokens = explorer.SaliencyTokens;
        Assert.Equal(4, await tokens.CountAsync());
        var first = (await tokens.First.BoundingBoxAsync())!;
        var last = (await tokens.Last.BoundingBoxAsync())!;
        Assert.True(first.X > last.X, $"the first word should stand right of the last: x {first.X} vs {last.X}");
        await explorer.ScreenshotAsync("arabic-unknown-words");
    }
}
