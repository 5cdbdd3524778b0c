using Interpret.Results;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>A saliency map run in the browser shows what the HTTP API answers for the same model, input and options:
/// the same tokens in order, scores in the same order, and the top-k highlight on the API's k largest.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class SaliencyParityTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    [Theory]
    [InlineData("simple-gradient", Inputs.Model)]
    [InlineData("integrated-gradient", Inputs.Model)]
    [InlineData("smooth-gradient", Inputs.Model)]
    [InlineData("integrated-gradient", Inputs.PretrainedModel)]
    public async Task Browser_heatmap_matches_the_api(string method, string model)
    {
        await using var explorer = await app.OpenPageAsync();
        await explorer.SelectModelAsync(model);
        await explorer.SelectMethodAsync(method);
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        var options = await explorer.SetMethodOptionsAsync(method);
        output.WriteLine($"options sent by the UI and the API: {ResultJson.Serialize(options)}");

        await explorer.ClickRunAsync();
        await explorer.WaitForCompleteAsync();
        await explorer.ScreenshotAsync($"saliency-{model}-{method}");
        Assert.Equal(method, await explorer.Result.GetAttributeAsync("data-method"));

        var rendered = await explorer.ReadSaliencyTokensAsync();
        var api = await app.Api.InterpretAsync(model, method, Inputs.Text, options);

        Assert.True(api.Complete);
        var instance = Assert.Single(api.Instances);
        var apiTokens = instance.Fields.SelectMany(f => f.Tokens.Select((t, i) => (Field: f.Name, Position: i, t.Text))).ToList();
        Assert.Equal(apiTokens.Select(t => t.Text), rendered.Select(t => t.Text));
        Assert.Equal(apiTokens.Select(t => (t.Field, t.Position)), rendered.Select(t => (t.Field, t.Position)));

        // data-score holds the score the heatmap shows: raw when signed, else normalised. Find which one it is.
        var raw = instance.Fields.SelectMany(f => f.Raw).ToArray();
        var normalized = instance.Fields.SelectMany(f => f.Normalized).ToArray();
        var shown = rendered.Select(t => t.ScoreValue).ToArray();
        var (kind, apiScores) = Scores.Close(shown, normalized) ? ("normalized", normalized)
            : Scores.Close(shown, raw) ? ("raw", raw)
            : throw new Xunit.Sdk.XunitException(
                $"Rendered scores match neither the API's normalized nor raw scores.\nrendered:   {Scores.Show(shown)}\n" +
                $"normalized: {Scores.Show(normalized)}\nraw:        {Scores.Show(raw)}");
        output.WriteLine($"data-score holds the {kind} scores: {Scores.Show(shown)}");

        // Order by the rendered score equals order by the API's score (ties within float noise may swap).
        var renderedOrder = Scores.OrderDescending(shown);
        var apiOrder = Scores.OrderDescending(apiScores);
        Assert.True(Scores.IsSortedBy(renderedOrder, apiScores),
            $"Tokens ordered by rendered score [{string.Join(", ", renderedOrder)}] are not in the API's order [{string.Join(", ", apiOrder)}].");

        // The top-k highlight is the API's k largest |score| (ties: input order), for the slider's value and one more.
        var k = await explorer.TopKAsync();
        AssertTopK(rendered, apiScores, k);
        if (k < rendered.Count)
        {
            await explorer.MoveTopKSliderAsync(+1);
            Assert.Equal(k + 1, await explorer.TopKAsync());
            AssertTopK(await explorer.ReadSaliencyTokensAsync(), apiScores, k + 1);
        }
    }

    static void AssertTopK(IReadOnlyList<RenderedToken> rendered, double[] apiScores, int k)
    {
        var highlighted = rendered.Select((t, i) => (t, i)).Where(x => x.t.TopK).Select(x => x.i).Order().ToArray();
        var expected = Scores.Ranks(apiScores).Select((rank, i) => (rank, i)).Where(x => x.rank <= k).Select(x => x.i).Order().ToArray();
        Assert.Equal(k, highlighted.Length);
        Assert.Equal(expected, highlighted);
    }
}
