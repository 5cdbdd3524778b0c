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

/// <summary>POST /api/models/{model}/attack/{method} with {"input": {...}, "options": {...}}: the final Attack.
/// A saliency method's name here is a 400 that points to the interpret route; an unknown name is a 404.</summary>
public static class AttackEndpoints
{
    public static RouteGroupBuilder MapAttackEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{model}/attack/{method}", Run).RequireRateLimiting(ApiRateLimits.PerClientPolicy)
            .WithName("Attack").WithTags("Attacks").WithSummary("An adversarial attack on one input: the final Attack record")
            .Accepts<MethodRequest>("application/json").ProducesWorkProblems().WithMetadata(ApiExamples.Attack);
        api.AllowOnly("/models/{model}/attack/{method}", "POST");
        return api;
    }

    static async Task<Ok<Attack>> Run([Description(ApiParameters.Model)] string model, [Description(ApiParameters.AttackMethod)] string method, HttpRequest request, ModelCatalog catalog,
        TorchWorkerPool pool, WorkBudget budget, ExplorerMetrics metrics, IOptions<ApiOptions> options, CancellationToken cancellation)
    {
        var predictor = catalog.Get(model);
        if (MethodRegistry.IsSaliency(method))
            throw new InputException($"'{method}' is a saliency method; POST it to /api/models/{model}/interpret/{method}.");
        MethodRegistry.Attack(method);
        var result = await pool.RunMethodAsync<Attack>(predictor, method, request, options.Value.MaxRequestBytes, budget, metrics, cancellation);
        return TypedResults.Ok(result);
    }
}
