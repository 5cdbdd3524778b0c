using Interpret.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Explorer.App.State;

/// <summary>The explorer's set-up in its URL: model, method, the options the method uses and, when short, the input,
/// so a reload or a shared link reopens the same view. What a link cannot carry is left out: an input longer than
/// <see cref="MaxInputCharacters"/> (the URL would outgrow what browsers and proxies accept), and anything malformed
/// in a link someone edited (the page falls back to its defaults for that part).</summary>
public sealed record ViewLink(string? Model, string? Method, MethodOptions? Options, IReadOnlyDictionary<string, string> Input)
{
    public const int MaxInputCharacters = 1_000;
    const string InputPrefix = "in.";

    public static ViewLink Of(string model, string method, MethodOptions options, IReadOnlyDictionary<string, string> input) =>
        new(model, method, options, input.Values.Sum(v => v.Length) <= MaxInputCharacters ? input : new Dictionary<string, string>());

    /// <summary>"?model=…&amp;method=…&amp;options={json}&amp;in.text=…".</summary>
    public string ToQuery()
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("model", Model), new("method", Method) };
        if (Options is not null) pairs.Add(new("options", ResultJson.Serialize(Options)));
        pairs.AddRange(Input.Select(f => new KeyValuePair<string, string?>(InputPrefix + f.Key, f.Value)));
        return QueryString.Create(pairs.Where(p => p.Value is not null)).ToUriComponent();
    }

    public static ViewLink Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query);
        string? One(string key) => query.TryGetValue(key, out var values) && values.Count == 1 ? values[0] : null;
        MethodOptions? options = null;
        if (One("options") is { } json)
        {
            try { options = ResultJson.Deserialize<MethodOptions>(json); }
            catch (System.Text.Json.JsonException) { } // an edited link: the method's defaults instead
        }
        var input = query.Where(q => q.Key.StartsWith(InputPrefix, StringComparison.Ordinal) && q.Value.Count == 1)
            .ToDictionary(q => q.Key[InputPrefix.Length..], q => q.Value[0] ?? "");
        return new ViewLink(One("model"), One("method"), options, input);
    }
}
