namespace Explorer.App.Api;

/// <summary>A request body beyond the configured limit (HTTP 413).</summary>
public sealed class RequestTooLargeException(long limit)
    : Exception($"The request body is larger than the limit of {limit:N0} bytes.");
