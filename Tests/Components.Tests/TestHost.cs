using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Interpret.Results;
using MudBlazor.Services;

namespace Interpret.Components.Tests;

/// <summary>What every component test needs. xunit 2.9 cannot dispose a test class that inherits BunitContext
/// (an async-only disposable service), so each test makes its own: <c>await using var ctx = TestHost.Create();</c>.</summary>
internal static partial class TestHost
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose; // MudBlazor and Plotly call JS; none of it matters here
        ctx.Services.AddMudServices();
        return ctx;
    }

    /// <summary>The record as it comes back from the HTTP API or a batch JSONL line.</summary>
    public static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, ResultJson.Options), ResultJson.Options)!;

    /// <summary>Markup with the per-render identifiers taken out: bunit's event-handler ids, MudBlazor's GUID element ids
    /// and PlotlyChart's random id. Everything that comes from the record stays.</summary>
    public static string StableMarkup(string markup)
    {
        markup = HandlerId().Replace(markup, "blazor:$1=\"\"");
        markup = Guid().Replace(markup, "guid");
        return PlotlyId().Replace(markup, "id=\"PlotlyChart\"");
    }

    /// <summary>The alpha of a token's background (its colour intensity), read from its inline style.</summary>
    public static double Alpha(IElement token)
    {
        var match = Rgba().Match(token.GetAttribute("style") ?? "");
        Assert.True(match.Success, $"no rgba background in: {token.OuterHtml}");
        return double.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The rgb part of a token's background.</summary>
    public static (int R, int G, int B) Hue(IElement token)
    {
        var match = Rgba().Match(token.GetAttribute("style") ?? "");
        Assert.True(match.Success, $"no rgba background in: {token.OuterHtml}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    public static int Position(IElement element) => int.Parse(element.GetAttribute("data-position")!, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"blazor:(\w+)=""\d+""")]
    private static partial Regex HandlerId();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"id=""PlotlyChart-?\d+""")]
    private static partial Regex PlotlyId();

    [GeneratedRegex(@"background-color:\s*rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)")]
    private static partial Regex Rgba();
}
