namespace Explorer.App.State;

/// <summary>One string for a model and its field values: tells whether a prediction or a result history still belongs
/// to what is in the text boxes.</summary>
public static class InputKeys
{
    public static string Of(string model, IReadOnlyDictionary<string, string> input) =>
        string.Join('\u001f', input.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}").Prepend(model));
}
