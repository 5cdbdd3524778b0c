using Interpret.Results;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>Coreference end to end on the WinoBias-style example: Predict marks the clusters in the text, a cluster
/// button picks the instance, and the run explains that cluster; HotFlip leaves every predicted mention alone.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class CoreferenceTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    const string Model = "coref-litbank-bilstm";
    const string Sentence = "The doctor called the nurse because she was late.";

    [Fact]
    public async Task One_cluster_is_picked_on_the_text_and_explained()
    {
        await app.Api.RequireModelAsync(Model, "the shipped models/");
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Model);
        await explorer.Page.Locator("#example-0").ClickAsync();
        await explorer.Page.WaitForFunctionAsync("s => document.getElementById('input-text').value === s", Sentence);
        await explorer.PredictAsync();

        var prediction = await app.Api.PredictAsync(Model, new Dictionary<string, string> { ["text"] = Sentence });
        var clusters = prediction.Clusters!;
        output.WriteLine(string.Join(" | ", clusters.Select(c => string.Join(" = ", c.Mentions.Select(m => m.Text)) + $" ({c.Probability:P1})")));
        Assert.NotEmpty(clusters);
        var marks = explorer.Page.Locator("#coref-clusters mark.coref-mention");
        Assert.Equal(clusters.Sum(c => c.Mentions.Count), await marks.CountAsync());
        Assert.Equal(clusters.Count, await explorer.Page.Locator("#coref-clusters button.coref-chip").CountAsync());

        int last = clusters.Count - 1;
        await explorer.Page.Locator($"#cluster-{last}").ClickAsync();
        await Assertions.Expect(explorer.Page.Locator($"#cluster-{last}")).ToHaveAttributeAsync("aria-pressed", "true");
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("coreference-cluster-saliency");
        Assert.Equal(last.ToString(System.Globalization.CultureInfo.InvariantCulture), await explorer.Result.GetAttributeAsync("data-instance"));
        Assert.Equal(Sentence.Split(' ').Length + 1, await explorer.SaliencyTokens.CountAsync()); // PTB splits "late."

        // What would make "she" link to the nurse: the target cluster typed as token spans.
        await explorer.Page.Locator("#option-target").FillAsync("3-5,6-7");
        await explorer.Page.Locator("#option-target").PressAsync("Tab");
        await explorer.ClickRunAsync();
        await explorer.Page.Locator("#result[data-complete='true'] .saliency-instance[data-label='the nurse = she']").WaitForAsync();
        await explorer.ScreenshotAsync("coreference-target-nurse");

        // The API's HotFlip on that cluster flips no token inside a predicted mention.
        var attack = await app.Api.AttackAsync(Model, "hotflip", new Dictionary<string, string> { ["text"] = Sentence },
            new MethodOptions { Instance = last, MaxFlips = 3 });
        var protectedTokens = clusters.SelectMany(c => c.Mentions).SelectMany(m => Enumerable.Range(m.Start, m.End - m.Start)).ToHashSet();
        Assert.All(attack.Steps.SelectMany(s => s.Changes), c => Assert.DoesNotContain(c.Position, protectedTokens));
    }
}
