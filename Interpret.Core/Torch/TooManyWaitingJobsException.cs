namespace Interpret.Core.Torch;

/// <summary>One owner already has as many jobs waiting as the pool allows per owner; the others' places stay free
/// (HTTP 429). A kind of full queue, so callers that only know <see cref="QueueFullException"/> still show it.</summary>
public sealed class TooManyWaitingJobsException(int limit) : QueueFullException(
    $"You already have {limit} job{(limit == 1 ? "" : "s")} waiting, the most one user may queue. Wait for one to finish (or cancel one) and try again.")
{
    public int Limit { get; } = limit;
}
