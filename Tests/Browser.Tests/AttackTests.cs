using Interpret.Results;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>An attack run in the browser marks exactly the positions the API's attack steps changed.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class AttackTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Hotflip_marks_the_flipped_positions_of_the_api()
    {
        var (rendered, api) = await RunBothAsync("hotflip", ".flip-adversarial .flipped[data-position]");
        Assert.NotEmpty(api.Steps);
        Assert.Equal(ChangedPositions(api), rendered);
    }

    [Fact]
    public async Task Input_reduction_strikes_the_removed_positions_of_the_api()
    {
        var (rendered, api) = await RunBothAsync("input-reduction", ".removed[data-position]");
        Assert.NotEmpty(api.Steps);
        Assert.All(api.Steps.SelectMany(s => s.Changes), c => Assert.Null(c.After));
        Assert.Equal(ChangedPositions(api), rendered);
    }

    async Task<(IReadOnlyList<(string Field, int Position)> Rendered, Attack Api)> RunBothAsync(string method, string markedSelector)
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync(method);
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        var options = await explorer.ReadMethodOptionsAsync();
        output.WriteLine($"options sent by the UI and the API: {ResultJson.Serialize(options)}");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync($"attack-{method}");
        Assert.Equal(method, await explorer.Result.GetAttributeAsync("data-method"));
        // The same result in the dark theme: its status colours and marks must keep AA contrast too.
        await explorer.Page.ClickAsync("#theme-toggle");
        // Leave the toggle so its transient tooltip closes: the state checked is the page, not the hover.
        await explorer.Page.Locator("#theme-toggle").BlurAsync();
        await explorer.Page.Mouse.MoveAsync(5, 400);
        await explorer.Page.WaitForFunctionAsync("() => !document.querySelector('.mud-popover-provider .mud-popover-open')");
        await explorer.Page.WaitForFunctionAsync("() => document.querySelector('.mud-theme-dark, [class*=dark]') !== null || getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'");
        await explorer.ScreenshotAsync($"attack-{method}-dark");

        var rendered = await explorer.ReadMarkedPositionsAsync(markedSelector);
        var api = await app.Api.AttackAsync(Inputs.Model, method, Inputs.Text, options);
        Assert.True(api.Complete);
        output.WriteLine($"{method}: API steps {string.Join("; ", api.Steps.SelectMany(s => s.Changes).Select(c => $"{c.Field}[{c.Position}] '{c.Before}' -> '{c.After}'"))}");
        output.WriteLine($"{method}: rendered positions {string.Join(", ", rendered)}");
        return (rendered, api);
    }

    static IReadOnlyList<(string Field, int Position)> ChangedPositions(Attack attack) =>
        attack.Steps.SelectMany(s => s.Changes).Select(c => (c.Field, c.Position)).Distinct().Order().ToList();
}
