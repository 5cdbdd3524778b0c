using Interpret.Core.Methods;

namespace Explorer.App.Api.Docs;

/// <summary>What the path parameters take, as the OpenAPI document describes them ([Description] on the handlers).</summary>
public static class ApiParameters
{
    public const string Model = "A model id from GET /api/models, e.g. sentiment-sst2-bilstm.";
    public const string Transformer = "The id of a transformer model from GET /api/models, e.g. sentiment-sst2-bert.";
    public const string SaliencyMethod = "A saliency method: " + MethodNames.SimpleGradient + ", " + MethodNames.IntegratedGradient + " or "
        + MethodNames.SmoothGradient + ".";
    public const string AttackMethod = "An attack: " + MethodNames.HotFlip + " or " + MethodNames.InputReduction + ".";
}
