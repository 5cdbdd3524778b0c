namespace Explorer.App.Api;

/// <summary>A POST whose body is not declared as JSON (HTTP 415). Requiring application/json is what stops a page on
/// another origin from starting work with a "simple" no-cors request: a browser sends that header only after a CORS
/// preflight, which this server answers only for configured origins.</summary>
public sealed class UnsupportedMediaTypeException(string? contentType) : Exception(
    $"The request body must be JSON sent with 'Content-Type: application/json', not {(string.IsNullOrEmpty(contentType) ? "no content type" : $"'{contentType}'")}.");
