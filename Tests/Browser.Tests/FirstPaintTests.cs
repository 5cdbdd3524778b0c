using System.Globalization;
using Xunit.Abstractions;

namespace Interpret.Browser.Tests;

/// <summary>Time from clicking Run to the first painted saliency token (simple-gradient, SST-2 BiLSTM): the median
/// of 5 runs after a warm-up is reported (goal 250 ms); only a loose sanity bound is asserted.</summary>
[Collection(ExplorerAppCollection.Name)]
public sealed class FirstPaintTests(ExplorerAppFixture app, ITestOutputHelper output)
{
    const int Runs = 5;
    const double SanityBoundMs = 5000;
    const double GoalMs = 250;

    [Fact]
    public async Task First_saliency_token_paints_soon_after_Run()
    {
        await using var explorer = await app.OpenPageAsync();

        await MeasureAsync(explorer); // warm-up: first model use, JIT, first render of the heatmap
        var times = new List<double>();
        for (var i = 0; i < Runs; i++) times.Add(await MeasureAsync(explorer));

        var median = times.Order().ElementAt(Runs / 2);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"first paint (click Run -> first .saliency-token), simple-gradient on {Inputs.Model}: median {median:0} ms of {Runs} runs [{string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}] ms; goal {GoalMs:0} ms");
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(app.ResultsDirectory, "first-paint-ms.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{median:0}\n{line}\n"));

        Assert.True(median < SanityBoundMs, line);
    }

    /// <summary>Loads the page afresh (so no earlier token is in it), sets up the run, then measures from the click
    /// on Run until a saliency token is in the page and the next frame starts.</summary>
    static async Task<double> MeasureAsync(ExplorerPage explorer)
    {
        await explorer.GotoAsync();
        await explorer.SelectModelAsync(Inputs.Model);
        await explorer.SelectMethodAsync("simple-gradient");
        await explorer.TypeInputAsync("text", Inputs.Sentence);
        Assert.Equal(0, await explorer.SaliencyTokens.CountAsync());

        // Measured in the page, so the time is the browser's view of click → token in the DOM.
        await explorer.Page.EvaluateAsync("""
            () => {
              window.__firstPaint = new Promise(resolve => {
                const started = { t: 0 };
                document.getElementById('run-button').addEventListener('click', () => started.t = performance.now(), { once: true, capture: true });
                const seen = () => document.querySelector('#result .saliency-token');
                const observer = new MutationObserver(() => {
                  if (started.t && seen()) { observer.disconnect(); requestAnimationFrame(() => resolve(performance.now() - started.t)); }
                });
                observer.observe(document.body, { childList: true, subtree: true });
              });
            }
            """);
        await explorer.ClickRunAsync();
        var inPage = await explorer.Page.EvaluateAsync<double>("() => window.__firstPaint");
        await explorer.WaitForCompleteAsync();
        return inPage;
    }
}
