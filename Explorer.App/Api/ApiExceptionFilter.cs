using Explorer.App.Hosting;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Explorer.App.Api;

/// <summary>Turns what can go wrong with a request into a ProblemDetails whose detail is the message users should read:
/// bad input 400, unknown model or method 404, body too large 413, body not declared as JSON 415, the caller's own
/// jobs already waiting at the per-user limit 429, queue full or job
/// over its time limit 503, a model that failed to load 503 (no Retry-After: it stays unavailable until its folder is
/// fixed and the app restarted). Anything else is a 500 without
/// internals; the log has the exception. Nothing a user sends can take the server down.</summary>
public sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger, ExplorerMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (OverBudgetException e)
        {
            metrics.Refused("over-budget");
            return Problem(StatusCodes.Status400BadRequest, "Bad input", e.Message);
        }
        catch (InputException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad input", e.Message);
        }
        catch (UnknownNameException e)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", e.Message);
        }
        catch (ModelUnavailableException e)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Model unavailable", e.Message);
        }
        catch (RequestTooLargeException e)
        {
            metrics.Refused("too-large");
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", e.Message);
        }
        catch (UnsupportedMediaTypeException e)
        {
            metrics.Refused("not-json");
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return Problem(e.StatusCode, "Bad request", e.Message);
        }
        catch (TooManyWaitingJobsException e)
        {
            metrics.Refused("user-queue-full");
            http.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status429TooManyRequests, "Too many jobs waiting", e.Message);
        }
        catch (QueueFullException e)
        {
            metrics.Refused("queue-full");
            http.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "Busy", e.Message);
        }
        catch (JobTimeoutException e)
        {
            metrics.Refused("timeout");
            return Problem(StatusCodes.Status503ServiceUnavailable, "Job timed out", e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client left and its job was cancelled; nobody reads this response.
            return TypedResults.Empty;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Problem(StatusCodes.Status500InternalServerError, "Internal error", "The request failed on the server; its log has the details.");
        }
    }

    static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
