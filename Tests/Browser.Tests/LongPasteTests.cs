namespace Interpret.Browser.Tests;

/// <summary>A 2 MB paste (twice the circuit's message limit) neither drops the circuit nor loses the page: the box
/// keeps what it takes (4× the text limit), says at once that the text is over the limit, and the page still runs.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class LongPasteTests(ExplorerAppFixture app)
{
    [Fact]
    public async Task A_two_megabyte_paste_keeps_the_circuit_and_says_the_text_is_too_long()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        var box = explorer.Page.Locator("#input-text");
        await box.FillAsync("");
        await box.FocusAsync();
        var paste = string.Concat(Enumerable.Repeat("a long pasted review of a film ", 2 * 1024 * 1024 / 31 + 1));

        // Text arriving as typed or pasted text (not a script setting the value), so the box's maxlength applies.
        await explorer.Page.Keyboard.InsertTextAsync(paste);

        var warning = explorer.Page.Locator("#input-text-too-long");
        await warning.WaitForAsync();
        Assert.Contains("the limit is 5,000", await warning.InnerTextAsync());
        Assert.Contains("cut off", await warning.InnerTextAsync());
        Assert.Equal(20_000, (await box.InputValueAsync()).Length);
        await explorer.AssertAccessibleAsync("over-long paste");

        // The same circuit still answers: a short text runs.
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        await warning.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
    }
}
