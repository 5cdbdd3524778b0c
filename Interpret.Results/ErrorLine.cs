namespace Interpret.Results;

/// <summary>What batch mode writes for an input line it could not process, so output lines stay aligned with input lines.</summary>
public sealed record ErrorLine(int Line, string Error);
