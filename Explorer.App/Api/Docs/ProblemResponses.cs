namespace Explorer.App.Api.Docs;

/// <summary>The ProblemDetails answers a route can give, declared on the route so the OpenAPI document lists them,
/// each with the one line that says when it happens (<see cref="ProblemDescriptionTransformer"/> writes it).</summary>
public static class ProblemResponses
{
    public static readonly IReadOnlyDictionary<int, string> When = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "Bad input: malformed JSON, a key given twice, a body that is not UTF-8, empty or too long text, "
            + "an unknown option or one the method does not take (the detail lists the method's options), a request over the work budget, "
            + "or a method on the other route.",
        [StatusCodes.Status401Unauthorized] = "Sign-in is on (Auth:Mode=Required) and the request has no valid bearer token.",
        [StatusCodes.Status404NotFound] = "Unknown model or method (the detail lists the known ones).",
        [StatusCodes.Status413PayloadTooLarge] = "The body is over Api:MaxRequestBytes (1 MB by default).",
        [StatusCodes.Status415UnsupportedMediaType] = "The body was not sent with Content-Type: application/json.",
        [StatusCodes.Status429TooManyRequests] = "This client sent too many requests or already has Explorer:MaxQueuedPerUser jobs waiting; see Retry-After.",
        [StatusCodes.Status503ServiceUnavailable] = "The job queue is full (Retry-After), the job ran past Explorer:JobTimeout, or the model failed to load.",
    };

    /// <summary>The answers of a route that queues torch work.</summary>
    public static RouteHandlerBuilder ProducesWorkProblems(this RouteHandlerBuilder route)
    {
        foreach (var status in When.Keys) route.ProducesProblem(status);
        return route;
    }
}
