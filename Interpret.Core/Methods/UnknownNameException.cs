namespace Interpret.Core.Methods;

/// <summary>A model id or method name that does not exist (HTTP 404, not 400). The message lists what does.</summary>
public sealed class UnknownNameException(string message) : Exception(message);
