namespace Interpret.Core.Predictors;

/// <summary>Explicit bounds on user input, checked before any model work.</summary>
public sealed record InputLimits(int MaxCharacters = 5_000, int MaxTokens = 256)
{
    public static InputLimits Default { get; } = new();

    public void CheckText(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException($"The '{field}' field is empty; type some text to interpret.");
        if (text.Length > MaxCharacters)
            throw new InputException($"The '{field}' field has {text.Length:N0} characters; the limit is {MaxCharacters:N0}.");
    }

    public void CheckTokens(string field, int count)
    {
        if (count == 0) throw new InputException($"The '{field}' field has no tokens.");
        if (count > MaxTokens) throw new InputException($"The '{field}' field has {count:N0} tokens; the limit is {MaxTokens:N0}.");
    }
}
