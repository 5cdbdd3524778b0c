namespace Interpret.Core.Torch;

/// <summary>A job ran longer than the server allows (Explorer:JobTimeout) and was stopped.</summary>
public sealed class JobTimeoutException(TimeSpan limit)
    : Exception($"The job was stopped after running {limit.TotalSeconds:N0} s, the server's limit per job; lower the steps, samples, flips or beam size, or pick one instance.")
{
    public TimeSpan Limit { get; } = limit;
}
