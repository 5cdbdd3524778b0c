namespace Interpret.Core.Predictors;

/// <summary>Bad user input (empty or too long text, unknown field, label or option). The message is shown to the user
/// as it is, so it says what was wrong and what is allowed. <see cref="Field"/> names the input field it concerns, when
/// one does, so a form can mark that box.</summary>
public class InputException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
