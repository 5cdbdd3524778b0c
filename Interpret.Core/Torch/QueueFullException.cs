namespace Interpret.Core.Torch;

/// <summary>The torch job queue is at its bound; the caller should try again later (HTTP 503).</summary>
public class QueueFullException(string message) : Exception(message);
