namespace Interpret.Core.Predictors;

/// <summary>Bad user input (empty or too long text, unknown field, label or option). The message is shown to the user
/// as it is, so it says what was wrong and what is allowed.</summary>
public class InputException(string message) : Exception(message);
