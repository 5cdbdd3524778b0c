namespace Interpret.Results;

/// <summary>How far a streamed job is: steps / samples / flips done out of the planned total (0 when unknown).</summary>
public sealed record Progress(int Done, int Total);
