using System.ComponentModel;
using Explorer.App.Api.Docs;
using Explorer.App.Hosting;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Interpret.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Explorer.App.Api;

/// <summary>POST /api/models/{model}/interpret/{method} with {"input": {...}, "options": {...}}: the final Interpretation
/// of a saliency method. An attack's name here is a 400 that points to the attack route; an unknown name is a 404.</summary>
public static class InterpretEndpoints
{
    public static RouteGroupBuilder MapInterpretEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{model}/interpret/{method}", Run).RequireRateLimiting(ApiRateLimits.PerClientPolicy)
            .WithName("Interpret").WithTags("Saliency").WithSummary("A saliency map of one input: the final Interpretation record")
            .Accepts<MethodRequest>("application/json").ProducesWorkProblems().WithMetadata(ApiExamples.Interpret);
        api.AllowOnly("/models/{model}/interpret/{method}", "POST");
        return api;
    }

    static async Task<Ok<Interpretation>> Run([Description(ApiParameters.Model)] string model, [Description(ApiParameters.SaliencyMethod)] string method, HttpRequest request, ModelCatalog catalog,
        TorchWorkerPool pool, WorkBudget budget, ExplorerMetrics metrics, IOptions<ApiOptions> options, CancellationToken cancellation)
    {
        var predictor = catalog.Get(model);
        if (MethodRegistry.IsAttack(method))
            throw new InputException($"'{method}' is an attack; POST it to /api/models/{model}/attack/{method}.");
        MethodRegistry.Saliency(method);
        var result = await pool.RunMethodAsync<Interpretation>(predictor, method, request, options.Value.MaxRequestBytes, budget, metrics, cancellation);
        return TypedResults.Ok(result);
    }
}
