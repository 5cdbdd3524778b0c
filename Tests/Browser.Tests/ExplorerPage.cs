using Deque.AxeCore.Playwright;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Interpret.Results;
using Microsoft.Playwright;

namespace Interpret.Browser.Tests;

/// <summary>The explorer's main page as a user drives it: pick a model and a method, type the input, set options,
/// click Run or Cancel, read what the result components rendered. Selectors live here only.</summary>
public sealed class ExplorerPage(IPage page, string screenshotDirectory) : IAsyncDisposable
{
    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public IPage Page { get; } = page;

    /// <summary>What the browser refused under the app's Content-Security-Policy, as it reported it in the console.</summary>
    readonly List<string> _cspViolations = WatchContentSecurityPolicy(page);

    static List<string> WatchContentSecurityPolicy(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (violations) violations.Add(message.Text);
        };
        return violations;
    }

    /// <summary>The current result's panel: <c>data-method</c>, and <c>data-complete="true"</c> once its record is final.</summary>
    public ILocator Result => Page.Locator("#result");
    public ILocator RunButton => Page.Locator("#run-button");
    public ILocator CancelButton => Page.Locator("#cancel-button");
    /// <summary>The progress block: <c>data-state</c> (idle, queued, running, done, cancelled, failed),
    /// <c>data-done</c>, <c>data-total</c>.</summary>
    public ILocator Progress => Page.Locator("#progress");
    public ILocator SaliencyTokens => Result.Locator(".saliency-token");

    public async Task GotoAsync()
    {
        // Relative to the context's base URL, which may carry a sub-path (behind a proxy at /interpret/).
        await Page.GotoAsync("./");
        // Rendered only once the Blazor circuit is interactive: clicks before that would be lost.
        await Page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    }

    public Task SelectModelAsync(string model) => SelectAsync("model-select", model);

    public Task SelectMethodAsync(string method) => SelectAsync("method-select", method);

    /// <summary>Picks an option of a MudSelect the way a user does: click the field, then click the option in the
    /// popover it opens. The page's options show a title and a caption that names the registered value (e.g.
    /// "Integrated gradients / saliency · integrated-gradient"), so the option is found by that name as a whole word.
    /// <paramref name="id"/> is the select's input id (MudSelect InputId); the input's value is the selected value.</summary>
    public async Task SelectAsync(string id, string value)
    {
        var input = Page.Locator($"#{id}");
        await input.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (await input.InputValueAsync() == value) return;

        // MudSelect nests two .mud-select elements around its input; the inner one (last in document order) is the field.
        await Page.Locator(".mud-select").Filter(new() { Has = input }).Last.ClickAsync();
        var option = Page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new Regex($"(?<![\\w-]){Regex.Escape(value)}(?![\\w-])") });
        await option.First.ClickAsync();
        // The popover closes after the pick; wait for it and for the field to show the value.
        await Page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Page.WaitForFunctionAsync(
            "([id, value]) => document.getElementById(id)?.value === value", new object[] { id, value });
    }

    /// <summary>Types into an input field (id <c>input-{field}</c>) and leaves it, as a user does.</summary>
    public async Task TypeInputAsync(string field, string text)
    {
        var box = Page.Locator($"#input-{field}");
        await box.FillAsync(text);
        await box.PressAsync("Tab");
    }

    /// <summary>Types a number into an option field (e.g. <c>option-steps</c>); false when the page does not show it
    /// for the current method.</summary>
    public async Task<bool> SetOptionAsync(string id, int value)
    {
        var box = Page.Locator($"#{id}");
        if (await box.CountAsync() == 0) return false;
        var text = value.ToString(CultureInfo.InvariantCulture);
        await box.FillAsync(text);
        await box.PressAsync("Tab");
        await Page.WaitForFunctionAsync("([id, text]) => document.getElementById(id)?.value === text", new object[] { id, text });
        return true;
    }

    /// <summary>Fixes the numeric options the page shows for the method to known values, then reads back every option
    /// the form shows: the options the page will send with Run, to send the same to the API.</summary>
    public async Task<MethodOptions> SetMethodOptionsAsync(string method, int? steps = null, int? chunk = null)
    {
        var wanted = method switch
        {
            "integrated-gradient" => new Dictionary<string, int> { ["option-steps"] = steps ?? 20, ["option-chunk"] = chunk ?? 10 },
            "smooth-gradient" => new Dictionary<string, int> { ["option-samples"] = 12, ["option-chunk"] = chunk ?? 4, ["option-seed"] = 7 },
            _ => [],
        };
        foreach (var (id, value) in wanted) await SetOptionAsync(id, value);
        return await ReadMethodOptionsAsync();
    }

    /// <summary>The options the form shows for the current method (the page renders only those the method uses, and
    /// sends only those). Empty numbers mean
    /// the method's default and stay null; the target "(prediction)" means none.</summary>
    public async Task<MethodOptions> ReadMethodOptionsAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => {
              const ids = ['option-objective', 'option-target', 'option-steps', 'option-rule', 'option-samples',
                           'option-noise-scale', 'option-seed', 'option-chunk', 'option-max-flips', 'option-beam-size'];
              const values = {};
              for (const id of ids) {
                const e = document.getElementById(id);
                if (e) values[id] = e.value;
              }
              for (const id of ['option-times-input', 'option-joint']) {
                const e = document.getElementById(id);
                if (!e) continue;
                const box = e.matches('input') ? e : e.querySelector('input[type=checkbox]');
                if (box) values[id] = box.checked ? 'true' : 'false';
              }
              return JSON.stringify(values);
            }
            """);
        var shown = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
        string? Text(string id) => shown.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? Int(string id) => Text(id) is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null;
        double? Double(string id) => Text(id) is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : null;
        bool? Bool(string id) => Text(id) is { } t ? t == "true" : null;
        return new MethodOptions
        {
            Objective = Text("option-objective"),
            Target = Text("option-target") is { } target && target != "(prediction)" ? target : null,
            Steps = Int("option-steps"),
            Rule = Text("option-rule"),
            Samples = Int("option-samples"),
            NoiseScale = Double("option-noise-scale"),
            Seed = Int("option-seed"),
            TimesInput = Bool("option-times-input"),
            Chunk = Int("option-chunk"),
            MaxFlips = Int("option-max-flips"),
            Joint = Bool("option-joint"),
            BeamSize = Int("option-beam-size"),
        };
    }

    public Task ClickRunAsync() => RunButton.ClickAsync();

    public ILocator PredictButton => Page.Locator("#predict-button");

    /// <summary>The prediction panel's tagged sentence (taggers only) and its entity chips, in sentence order.</summary>
    public ILocator TaggedSentence => Page.Locator("#tagged-sentence");
    public ILocator EntityChips => TaggedSentence.Locator("button.entity-chip");

    /// <summary>Clicks Predict and waits until the prediction view shows a prediction of what the boxes hold.</summary>
    public async Task PredictAsync()
    {
        await PredictButton.ClickAsync();
        await Page.Locator("#prediction .prediction-label").WaitForAsync();
        await Page.Locator("#prediction-stale").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Page.WaitForFunctionAsync("() => !document.getElementById('predict-button').disabled");
    }

    /// <summary>A masked LM's prediction: the [MASK] chips (<c>#mask-{i}</c>) and each mask's candidate words.</summary>
    public ILocator MaskChips => Page.Locator("#mask-predictions button.mask-chip");

    /// <summary>The words listed for mask <paramref name="mask"/>, best first, with their shown probabilities.</summary>
    public async Task<IReadOnlyList<(string Word, double Probability)>> ReadMaskCandidatesAsync(int mask) =>
        JsonSerializer.Deserialize<string[][]>(await Page.Locator($"#mask-{mask}-candidates li.mask-candidate").EvaluateAllAsync<string>(
                "els => JSON.stringify(els.map(e => [e.dataset.word, e.dataset.probability]))"))!
            .Select(c => (c[0], double.Parse(c[1], CultureInfo.InvariantCulture))).ToList();

    /// <summary>The entity chips as shown: index, type, words (the tokens inside the chip), pressed.</summary>
    public async Task<IReadOnlyList<EntityChip>> ReadEntityChipsAsync() =>
        JsonSerializer.Deserialize<EntityChip[]>(await EntityChips.EvaluateAllAsync<string>("""
            els => JSON.stringify(els.map(e => ({
                index: Number(e.dataset.entity),
                type: e.dataset.type,
                words: [...e.querySelectorAll('.tagged-token')].map(t => t.textContent.trim()).join(' '),
                pressed: e.getAttribute('aria-pressed') === 'true',
                background: getComputedStyle(e).backgroundColor,
            })))
            """), JsonOptions)!;

    /// <summary>Clicks an entity chip and waits until the page shows it chosen.</summary>
    public async Task PickEntityAsync(int index)
    {
        await Page.Locator($"#entity-{index}").ClickAsync();
        await Page.Locator($"#entity-{index}[aria-pressed='true']").WaitForAsync();
    }

    /// <summary>The on-screen box of an element inside the result.</summary>
    public async Task<LayoutBox> BoxAsync(string selector) =>
        await Result.Locator(selector).First.BoundingBoxAsync() is { } box
            ? new LayoutBox(box.X, box.Y, box.Width, box.Height)
            : throw new InvalidOperationException($"{selector} in #result is not visible.");

    /// <summary>Waits until the result panel holds a final record.</summary>
    public Task WaitForCompleteAsync(float timeoutMs = 120_000) =>
        Page.Locator("#result[data-complete='true']").WaitForAsync(new() { Timeout = timeoutMs });

    public async Task<ProgressShown> ReadProgressAsync()
    {
        var values = await Progress.EvaluateAsync<string[]>("e => [e.dataset.state, e.dataset.done, e.dataset.total]");
        return new ProgressShown(values[0], int.Parse(values[1], CultureInfo.InvariantCulture), int.Parse(values[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until the page shows a running job with at least <paramref name="done"/> steps done.</summary>
    public async Task<ProgressShown> WaitForRunningAsync(int done, float timeoutMs = 60_000)
    {
        await Page.Locator($"#progress[data-state='running']").WaitForAsync(new() { Timeout = timeoutMs });
        await Page.WaitForFunctionAsync(
            "n => { const p = document.getElementById('progress'); return p.dataset.state === 'running' && Number(p.dataset.done) >= n; }",
            done, new() { Timeout = timeoutMs });
        return await ReadProgressAsync();
    }

    /// <summary>Waits until the page shows the job cancelled and Run is usable again. Polls every animation frame.</summary>
    public Task WaitForCancelledAsync(float timeoutMs) =>
        Page.WaitForFunctionAsync("""
            () => {
              const p = document.getElementById('progress');
              const run = document.getElementById('run-button');
              return p?.dataset.state === 'cancelled' && run && !run.disabled;
            }
            """, null, new() { Timeout = timeoutMs });

    /// <summary>Starts an in-page record of the time from the click on Cancel to the cancelled state in the DOM (a
    /// diagnostic next to the test's own stopwatch, free of the browser driver's round trips).</summary>
    public Task RecordCancelInPageAsync() =>
        Page.EvaluateAsync("""
            () => {
              const progress = document.getElementById('progress');
              window.__cancel = { clicked: 0, cancelled: 0 };
              document.getElementById('cancel-button').addEventListener('click',
                () => window.__cancel.clicked = performance.now(), { capture: true, once: true });
              const observer = new MutationObserver(() => {
                if (window.__cancel.clicked && progress.dataset.state === 'cancelled') {
                  window.__cancel.cancelled = performance.now();
                  observer.disconnect();
                }
              });
              observer.observe(progress, { attributes: true });
            }
            """);

    /// <summary>Click → cancelled in the page, in ms; NaN when either was not seen.</summary>
    public async Task<double> CancelInPageMsAsync() =>
        await Page.EvaluateAsync<double?>(
            "() => window.__cancel && window.__cancel.clicked && window.__cancel.cancelled ? window.__cancel.cancelled - window.__cancel.clicked : null")
        ?? double.NaN;

    /// <summary>The side-by-side column of the comparison model: <c>data-model</c>, <c>data-method</c>, <c>data-complete</c>.</summary>
    public ILocator CompareResult => Page.Locator("#compare-result");

    public Task SelectCompareModelAsync(string model) => SelectAsync("compare-select", model);

    public Task<IReadOnlyList<RenderedToken>> ReadSaliencyTokensAsync() => ReadSaliencyTokensAsync(Result);

    /// <summary>The saliency tokens rendered inside <paramref name="scope"/> (e.g. the comparison column).</summary>
    public async Task<IReadOnlyList<RenderedToken>> ReadSaliencyTokensAsync(ILocator scope) =>
        JsonSerializer.Deserialize<RenderedToken[]>(await scope.Locator(".saliency-token").EvaluateAllAsync<string>("""
            els => JSON.stringify(els.map(e => ({
                text: e.textContent.trim(),
                field: e.dataset.field,
                position: Number(e.dataset.position),
                score: e.dataset.score,
                rank: Number(e.dataset.rank),
                topK: e.classList.contains('top-k'),
            })))
            """), JsonOptions)!;

    /// <summary>The heatmap's top-k slider (a MudSlider: a native range input).</summary>
    public ILocator TopKSlider => Result.Locator(".saliency-topk input[type=range]");

    public async Task<int> TopKAsync() => int.Parse(await TopKSlider.InputValueAsync(), CultureInfo.InvariantCulture);

    /// <summary>Moves the top-k slider with the keyboard, as a user can, and waits until the highlight follows.</summary>
    public async Task MoveTopKSliderAsync(int by)
    {
        var target = await TopKAsync() + by;
        await TopKSlider.FocusAsync();
        for (var i = 0; i < Math.Abs(by); i++) await TopKSlider.PressAsync(by > 0 ? "ArrowRight" : "ArrowLeft");
        await Page.WaitForFunctionAsync(
            "k => document.querySelectorAll('#result .saliency-token.top-k').length === k", target);
    }

    /// <summary>(field, position) of every element matching the selector inside the result, sorted. The field is the
    /// nearest ancestor's <c>data-field</c>.</summary>
    public async Task<IReadOnlyList<(string Field, int Position)>> ReadMarkedPositionsAsync(string selector)
    {
        var json = await Result.Locator(selector).EvaluateAllAsync<string>("""
            els => JSON.stringify(els.map(e => [e.closest('[data-field]')?.dataset.field ?? '', e.dataset.position]))
            """);
        return JsonSerializer.Deserialize<string[][]>(json)!
            .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))
            .Distinct().Order().ToList();
    }

    /// <summary>Saves a screenshot of this state and checks it with axe-core: every state a test shows is also one
    /// that must have no accessibility violation.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(screenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        await AssertAccessibleAsync(name);
    }

    /// <summary>axe-core over the whole page (WCAG 2 A/AA rules and best practices), in the current theme; and nothing
    /// the page needed was refused by its Content-Security-Policy up to this state.</summary>
    public async Task AssertAccessibleAsync(string state)
    {
        lock (_cspViolations)
            Assert.True(_cspViolations.Count == 0, $"Content-Security-Policy violations up to state '{state}':\n" + string.Join("\n", _cspViolations));
        var result = await Page.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{string.Join(" ", n.Target)}: {n.Html}")));
        Assert.True(result.Violations.Length == 0, $"axe-core found {result.Violations.Length} violation(s) in state '{state}':\n" + string.Join("\n", violations));
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}

public sealed record RenderedToken(string Text, string Field, int Position, string Score, int Rank, bool TopK)
{
    public double ScoreValue => double.Parse(Score, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>An entity chip of the tagged sentence.</summary>
public sealed record EntityChip(int Index, string Type, string Words, bool Pressed, string Background);

/// <summary>An element's box on the page, in CSS pixels.</summary>
public sealed record LayoutBox(float X, float Y, float Width, float Height)
{
    public float Bottom => Y + Height;
}

/// <summary>What the progress block shows.</summary>
public sealed record ProgressShown(string State, int Done, int Total);
