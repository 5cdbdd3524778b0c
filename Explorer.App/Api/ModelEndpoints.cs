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

/// <summary>GET /api/models (every model by id; one that failed to load carries <c>unavailable</c>: folder, file,
/// reason, and its routes answer 503), POST /api/models/{model}/predict (body: the input object itself) and,
/// for transformers, POST /api/models/{model}/attention (same body; attention probabilities per layer and head).</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/models", List).WithName("ListModels").WithTags("Models")
            .WithSummary("Every model by id, with its task, fields and labels; one that failed to load says why")
            .ProducesProblem(StatusCodes.Status401Unauthorized).WithMetadata(ApiExamples.ListModels);
        api.MapPost("/models/{model}/predict", Predict).RequireRateLimiting(ApiRateLimits.PerClientPolicy)
            .WithName("Predict").WithTags("Models").WithSummary("The model's prediction for one input object")
            .Accepts<IReadOnlyDictionary<string, string>>(JsonBody).ProducesWorkProblems().WithMetadata(ApiExamples.Predict);
        api.MapPost("/models/{model}/attention", Attention).RequireRateLimiting(ApiRateLimits.PerClientPolicy)
            .WithName("Attention").WithTags("Models").WithSummary("A transformer's attention probabilities per layer and head for one input object")
            .Accepts<IReadOnlyDictionary<string, string>>(JsonBody).ProducesWorkProblems().WithMetadata(ApiExamples.Attention);
        api.AllowOnly("/models", "GET");
        api.AllowOnly("/models/{model}/predict", "POST");
        api.AllowOnly("/models/{model}/attention", "POST");
        return api;
    }

    const string JsonBody = "application/json";

    static Ok<IReadOnlyList<ModelInfo>> List(ModelCatalog catalog) => TypedResults.Ok(catalog.All);

    static async Task<Ok<Prediction>> Predict([Description(ApiParameters.Model)] string model, HttpRequest request, ModelCatalog catalog, TorchWorkerPool pool,
        IOptions<ApiOptions> options, CancellationToken cancellation)
    {
        var predictor = catalog.Get(model);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, cancellation);
        // Tokenising checks the input here, so bad input never queues.
        var instance = predictor.Tokenize(RequestParser.Parse(body).Input);
        var prediction = await pool.RunToLastAsync(_ => new[] { predictor.Predict(instance) }, cancellation, ClientKey.Of(request.HttpContext));
        return TypedResults.Ok(prediction);
    }

    static async Task<Ok<AttentionMaps>> Attention([Description(ApiParameters.Transformer)] string model, HttpRequest request, ModelCatalog catalog, TorchWorkerPool pool,
        IOptions<ApiOptions> options, CancellationToken cancellation)
    {
        var predictor = catalog.Get(model);
        if (predictor is not IAttentionPredictor attention)
            throw new InputException($"{model} has no attention to show; attention maps are for transformer models.");
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, cancellation);
        var instance = predictor.Tokenize(RequestParser.Parse(body).Input);
        var maps = await pool.RunToLastAsync(_ => new[] { attention.Attention(instance) }, cancellation, ClientKey.Of(request.HttpContext));
        return TypedResults.Ok(maps);
    }
}
