namespace Interpret.Results;

/// <summary>An interpret or attack request: the task's input object and the method's options.</summary>
public sealed record MethodRequest(IReadOnlyDictionary<string, string> Input, MethodOptions? Options = null);
