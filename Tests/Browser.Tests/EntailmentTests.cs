using System.Globalization;
using System.Text.Json;
using Interpret.Results;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>Entailment end to end: the premise/hypothesis form, a saliency run, and both fields' heatmaps stacked
/// (premise above hypothesis) on one colour scale.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class EntailmentTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Premise_and_hypothesis_heatmaps_are_stacked_on_one_scale()
    {
        const string method = "simple-gradient";
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(Inputs.NliModel);
        await explorer.TypeInputAsync("premise", Inputs.Premise);
        await explorer.TypeInputAsync("hypothesis", Inputs.Hypothesis);
        await explorer.SelectMethodAsync(method);
        var options = await explorer.ReadMethodOptionsAsync();

        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync("entailment-simple-gradient");
        Assert.Equal(method, await explorer.Result.GetAttributeAsync("data-method"));
        Assert.Equal("done", (await explorer.ReadProgressAsync()).State);

        // Both fields, premise first, the premise row wholly above the hypothesis row and starting at the same x.
        var rendered = await explorer.ReadSaliencyTokensAsync();
        Assert.Equal(["premise", "hypothesis"], rendered.Select(t => t.Field).Distinct());
        var premise = await explorer.BoxAsync(".saliency-field[data-field=premise] .saliency-tokens");
        var hypothesis = await explorer.BoxAsync(".saliency-field[data-field=hypothesis] .saliency-tokens");
        output.WriteLine($"premise {premise}, hypothesis {hypothesis}");
        Assert.True(premise.Bottom <= hypothesis.Y + 1, $"premise {premise} is not above hypothesis {hypothesis}");
        Assert.Equal(premise.X, hypothesis.X, 1f);

        // Same tokens as the API for the same options.
        var api = await app.Api.InterpretAsync(Inputs.NliModel, method, Inputs.Pair, options);
        var instance = Assert.Single(api.Instances);
        Assert.Equal(instance.Fields.SelectMany(f => f.Tokens.Select(t => t.Text)), rendered.Select(t => t.Text));

        // One scale: every token's colour intensity is |score| / the largest |score| of both fields; one legend.
        // (The browser keeps alpha in 8 bits and prints two decimals, hence the tolerance; a per-field scale would put
        // the other field's strongest token at 1.)
        Assert.Equal(1, await explorer.Result.Locator(".color-legend").CountAsync());
        var alphas = await ReadAlphasAsync(explorer);
        var max = rendered.Max(t => Math.Abs(t.ScoreValue));
        for (var i = 0; i < rendered.Count; i++)
            Assert.True(Math.Abs(Math.Abs(rendered[i].ScoreValue) / max - alphas[i]) < 0.006,
                $"{rendered[i].Field}[{rendered[i].Position}] '{rendered[i].Text}': score {rendered[i].Score}, max {max}, alpha {alphas[i]}");
        var strongest = rendered.MaxBy(t => Math.Abs(t.ScoreValue))!;
        output.WriteLine($"strongest token: {strongest.Field} '{strongest.Text}'; the other field's strongest alpha " +
            $"{rendered.Select((t, i) => (t, a: alphas[i])).Where(x => x.t.Field != strongest.Field).Max(x => x.a):0.###}");
    }

    /// <summary>The alpha of each saliency token's background as the browser computed it, in token order.</summary>
    static async Task<double[]> ReadAlphasAsync(ExplorerPage explorer)
    {
        var json = await explorer.SaliencyTokens.EvaluateAllAsync<string>("""
            els => JSON.stringify(els.map(e => {
              const m = getComputedStyle(e).backgroundColor.match(/rgba?\(([^)]*)\)/);
              const parts = m ? m[1].split(',').map(s => s.trim()) : [];
              return parts.length === 4 ? parts[3] : (parts.length === 3 ? '1' : '0');
            }))
            """);
        return JsonSerializer.Deserialize<string[]>(json)!.Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    }
}
