using Explorer.App.Hosting;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Torch;
using Interpret.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Explorer.App.Api;

/// <summary>GET /api/models (the loaded models) and POST /api/models/{model}/predict (body: the input object itself).</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/models", List);
        api.MapPost("/models/{model}/predict", Predict);
        return api;
    }

    static Ok<IReadOnlyList<ModelInfo>> List(ModelCatalog catalog) => TypedResults.Ok(catalog.Models);

    static async Task<Ok<Prediction>> Predict(string model, HttpRequest request, ModelCatalog catalog, TorchWorkerPool pool,
        IOptions<ApiOptions> options, CancellationToken cancellation)
    {
        var predictor = catalog.Get(model);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, cancellation);
        // Tokenising checks the input here, so bad input never queues.
        var instance = predictor.Tokenize(RequestParser.Parse(body).Input);
        var prediction = await pool.RunToLastAsync(_ => new[] { predictor.Predict(instance) }, cancellation);
        return TypedResults.Ok(prediction);
    }
}
