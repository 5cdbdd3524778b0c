namespace Interpret.Browser.Tests;

/// <summary>The page shows what a run would cost before Run, and a run over the server's per-request budget cannot be
/// started: Run is disabled and the reason (with what to lower) is next to it, linked to the button for screen readers.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class BudgetTests(ExplorerAppFixture app)
{
    [Fact]
    public async Task A_run_over_the_budget_is_refused_before_it_starts_with_the_reason()
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync("integrated-gradient");
        await explorer.TypeInputAsync("text", Inputs.LongSentence);
        var cost = explorer.Page.Locator("#cost-estimate");

        await explorer.SetMethodOptionsAsync("integrated-gradient", steps: 20);
        await explorer.Page.WaitForFunctionAsync("() => document.getElementById('cost-estimate')?.dataset.over === 'false'");
        var percent = int.Parse(await cost.GetAttributeAsync("data-percent") ?? "-1");
        Assert.InRange(percent, 0, 100);
        Assert.StartsWith("Cost:", await cost.InnerTextAsync());
        Assert.True(await explorer.RunButton.IsEnabledAsync());

        await explorer.SetMethodOptionsAsync("integrated-gradient", steps: 100_000);
        await explorer.Page.WaitForFunctionAsync("() => document.getElementById('cost-estimate')?.dataset.over === 'true'");
        Assert.Contains("Lower steps", await cost.InnerTextAsync());
        Assert.True(await explorer.RunButton.IsDisabledAsync());
        Assert.Equal("cost-estimate", await explorer.RunButton.GetAttributeAsync("aria-describedby"));
        await explorer.AssertAccessibleAsync("over budget");
    }
}
