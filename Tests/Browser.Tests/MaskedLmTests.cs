using System.Globalization;
using Interpret.Results;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>The masked LM end to end (<see cref="Inputs.MlmModel"/>, by default the shipped mlm-gutenberg-bert): the
/// [MASK] hint and examples, Predict's top words per mask, saliency for the chosen mask, the attention view, a
/// targeted HotFlip toward a clicked word, and the word view of a WordPiece heatmap. Each UI result is checked against
/// the API with the same options.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class MaskedLmTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    async Task<ExplorerPage> OpenWithNurseSentenceAsync()
    {
        await app.Api.RequireModelAsync(Inputs.MlmModel, Inputs.MlmModelSetting);
        var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.MlmModel);
        Assert.Contains("[MASK]", await explorer.Page.Locator("#input-hint").TextContentAsync());
        // The masked-LM examples start with the nurse sentence, and the model opens on it.
        Assert.Equal(Inputs.MaskSentence, (await explorer.Page.Locator("#example-0").TextContentAsync())?.Trim());
        await explorer.Page.Locator("#example-0").ClickAsync();
        await explorer.Page.WaitForFunctionAsync("s => document.getElementById('input-text').value === s", Inputs.MaskSentence);
        await explorer.PredictAsync();
        return explorer;
    }

    [Fact]
    public async Task Predict_lists_the_top_words_and_saliency_explains_the_mask_and_attention_renders()
    {
        await using var explorer = await OpenWithNurseSentenceAsync();
        var prediction = await app.Api.PredictAsync(Inputs.MlmModel, Inputs.MaskText);
        var mask = Assert.Single(prediction.Masks!);
        output.WriteLine($"API top words at {mask.Field}[{mask.Position}]: {string.Join(", ", mask.Top.Select(t => $"{t.Label} {t.Probability:P1}"))}");

        // One chip, pressed, at the mask's token; its candidates are the API's top words in order.
        Assert.Equal(1, await explorer.MaskChips.CountAsync());
        var chip = explorer.Page.Locator("#mask-0");
        Assert.Equal("true", await chip.GetAttributeAsync("aria-pressed"));
        Assert.Equal(mask.Position.ToString(CultureInfo.InvariantCulture), await chip.GetAttributeAsync("data-position"));
        Assert.Equal(mask.Top[0].Label, await chip.GetAttributeAsync("data-word"));
        var shown = await explorer.ReadMaskCandidatesAsync(0);
        Assert.True(shown.Count >= 5, $"{shown.Count} candidates shown");
        Assert.Equal(mask.Top.Take(shown.Count).Select(t => t.Label), shown.Select(s => s.Word));
        Assert.Equal(mask.Top.Take(shown.Count).Select(t => t.Probability), shown.Select(s => s.Probability));
        // A single mask has no "all masks" choice.
        Assert.Equal(0, await explorer.Page.Locator("#mask-all").CountAsync());

        // Saliency for the mask: one heatmap whose label is the best guess at the mask's position.
        await explorer.SelectMethodAsync("simple-gradient");
        var options = await explorer.ReadMethodOptionsAsync();
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("masked-lm-simple-gradient");
        Assert.Equal("0", await explorer.Result.GetAttributeAsync("data-instance"));
        var section = explorer.Result.Locator(".saliency-instance");
        Assert.Equal(1, await section.CountAsync());
        Assert.Equal(mask.Top[0].Label, await section.GetAttributeAsync("data-label"));
        Assert.Equal(mask.Position.ToString(CultureInfo.InvariantCulture), await section.GetAttributeAsync("data-start"));
        Assert.Equal(["[MASK]"], await explorer.Result.Locator(".saliency-token.label-span").AllTextContentsAsync());

        var api = await app.Api.InterpretAsync(Inputs.MlmModel, "simple-gradient", Inputs.MaskText, options with { Instance = 0 });
        var field = Assert.Single(Assert.Single(api.Instances).Fields);
        var rendered = await explorer.ReadSaliencyTokensAsync();
        Assert.Equal(field.Tokens.Select(t => t.Text), rendered.Select(t => t.Text));
        Assert.Equal(field.Raw, rendered.Select(t => t.ScoreValue)); // gradient × input: shown signed

        // Attention: layers × heads of the model, one summary row per token.
        var maps = await app.Api.AttentionAsync(Inputs.MlmModel, Inputs.MaskText);
        await explorer.Page.Locator("#attention-button").ClickAsync();
        await explorer.Page.Locator("#attention[data-state='done']").WaitForAsync(new() { Timeout = 60_000 });
        var view = explorer.Page.Locator("#attention-view");
        await view.WaitForAsync();
        // plotly.js draws the heatmap after the render.
        await view.Locator(".attention-chart .main-svg").First.WaitForAsync(new() { Timeout = 15_000 });
        await explorer.ScreenshotAsync("masked-lm-attention");
        Assert.Equal(maps.Layers, await view.Locator("button.attention-layer").CountAsync());
        Assert.Equal(maps.Heads, await view.Locator("button.attention-head[data-head]:not([data-head='mean'])").CountAsync());
        Assert.Equal(maps.Tokens.Count, await view.Locator("li.attention-summary-row").CountAsync());
        Assert.Equal("Layer 1, head 1", (await view.Locator(".attention-title").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task A_clicked_word_is_the_target_of_a_targeted_hotflip()
    {
        await using var explorer = await OpenWithNurseSentenceAsync();
        var shown = await explorer.ReadMaskCandidatesAsync(0);
        // A guess after the best one (a word the model does not say yet) that is a whole word: the list may also hold
        // "##" pieces or punctuation, which are no targets.
        var rank = Enumerable.Range(1, shown.Count - 1).First(r => shown[r].Word.All(char.IsLetter));
        var word = shown[rank].Word;
        output.WriteLine($"target word: '{word}' (guess {rank + 1})");
        await explorer.Page.Locator($"#mask-0-word-{rank}").ClickAsync();
        await explorer.SelectMethodAsync("hotflip");
        await explorer.Page.WaitForFunctionAsync("w => document.getElementById('option-target')?.value === w", word);
        await explorer.SetOptionAsync("option-max-flips", 3);

        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("masked-lm-targeted-hotflip");
        Assert.Equal("hotflip", await explorer.Result.GetAttributeAsync("data-method"));
        Assert.Equal("0", await explorer.Result.GetAttributeAsync("data-instance"));
        var position = (await explorer.Page.Locator("#mask-0").GetAttributeAsync("data-position"))!;
        var target = $"{word}:{position}";
        Assert.Contains($"target {target}", await explorer.Result.Locator(".mud-typography").First.TextContentAsync());
        Assert.Equal(1, await explorer.Result.Locator(".flip-field").CountAsync());

        // The API, asked the same, flips the same positions to the same words.
        var api = await app.Api.AttackAsync(Inputs.MlmModel, "hotflip", Inputs.MaskText,
            new MethodOptions { Objective = "loss", Target = target, Instance = 0, MaxFlips = 3, Joint = false });
        Assert.True(api.Complete);
        output.WriteLine($"target {target}: {(api.Succeeded ? "succeeded" : "did not succeed")}; flips " +
                         string.Join("; ", api.Steps.SelectMany(s => s.Changes).Select(c => $"[{c.Position}] '{c.Before}' -> '{c.After}'")));
        Assert.Equal(api.Steps.SelectMany(s => s.Changes).Select(c => (c.Field, c.Position)).Distinct().Order(),
            await explorer.ReadMarkedPositionsAsync(".flip-adversarial .flipped[data-position]"));
        Assert.DoesNotContain(api.Steps.SelectMany(s => s.Changes), c => c.Position == int.Parse(position, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Two_masks_offer_all_masks_as_one_instance_and_the_word_view_joins_pieces()
    {
        await app.Api.RequireModelAsync(Inputs.MlmModel, Inputs.MlmModelSetting);
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.MlmModel);
        // A made-up word is split into WordPiece pieces by any vocabulary.
        const string text = "the zorblaxian [MASK] opened the door and [MASK] walked in .";
        var input = new Dictionary<string, string> { ["text"] = text };
        await explorer.TypeInputAsync("text", text);
        await explorer.PredictAsync();
        Assert.Equal(2, await explorer.MaskChips.CountAsync());

        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.Page.Locator("#mask-all").ClickAsync();
        await explorer.Page.Locator("#mask-all[aria-pressed='true']").WaitForAsync();
        var options = await explorer.ReadMethodOptionsAsync();
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        Assert.Null(await explorer.Result.GetAttributeAsync("data-instance"));
        var section = explorer.Result.Locator(".saliency-instance");
        Assert.Equal(1, await section.CountAsync());
        var api = await app.Api.InterpretAsync(Inputs.MlmModel, "simple-gradient", input, options with { SingleInstance = true });
        var instance = Assert.Single(api.Instances);
        Assert.Equal("words", instance.Label.Kind);
        Assert.Equal(instance.Label.Value, await section.GetAttributeAsync("data-label"));

        // Words (sum): the pieces of the made-up word become one token with the typed text, scored as WordScores does.
        var field = Assert.Single(instance.Fields);
        Assert.Contains(field.Tokens, t => t.Text.StartsWith("##", StringComparison.Ordinal));
        await explorer.Result.Locator("button.granularity-option[data-granularity='words-sum']").ClickAsync();
        await explorer.Result.Locator("button.granularity-option[data-granularity='words-sum'][aria-pressed='true']").WaitForAsync();
        await explorer.ScreenshotAsync("masked-lm-words-sum");
        var words = WordScores.Aggregate(field, WordAggregation.Sum);
        var rendered = await explorer.ReadSaliencyTokensAsync();
        Assert.Contains("zorblaxian", rendered.Select(t => t.Text));
        Assert.Equal(words.Tokens.Select(t => t.Text), rendered.Select(t => t.Text));
        Assert.Equal(words.Raw, rendered.Select(t => t.ScoreValue), new ToleranceComparer(1e-12)); // signed: the pieces' raw sum
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
