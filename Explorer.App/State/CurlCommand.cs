using Interpret.Results;

namespace Explorer.App.State;

/// <summary>The API call that gives the same result as a run on the page: the same model, method, input and the
/// options the run actually used, as a curl command for a POSIX shell (single quotes, so nothing in the text expands).</summary>
public static class CurlCommand
{
    public static string For(string baseUri, string model, string method, MethodRequest request)
    {
        var kind = MethodGuide.Of(method).IsAttack ? "attack" : "interpret";
        var url = $"{baseUri.TrimEnd('/')}/api/models/{Uri.EscapeDataString(model)}/{kind}/{Uri.EscapeDataString(method)}";
        return $"curl -X POST {Quote(url)} -H 'Content-Type: application/json' -d {Quote(ResultJson.Serialize(request))}";
    }

    /// <summary>'…' with each ' written as '\'' (close, escaped quote, reopen).</summary>
    static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
