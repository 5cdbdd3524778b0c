using Interpret.Core.Methods;

namespace Explorer.App.Api.Docs;

/// <summary>The example request of each API route, for models shipped in models/ (a transformer for attention).</summary>
public static class ApiExamples
{
    const string Sentiment = "sentiment-sst2-bilstm";
    const string Transformer = "sentiment-sst2-bert";

    public static readonly ApiExample ListModels = new(new Dictionary<string, string>());

    public static readonly ApiExample Predict = new(new Dictionary<string, string> { ["model"] = Sentiment },
        """{"text": "The acting is wonderful, but the plot is thin."}""");

    public static readonly ApiExample Attention = new(new Dictionary<string, string> { ["model"] = Transformer },
        """{"text": "a gripping, beautifully acted film"}""");

    public static readonly ApiExample Interpret = new(
        new Dictionary<string, string> { ["model"] = Sentiment, ["method"] = MethodNames.IntegratedGradient },
        """{"input": {"text": "It is not a bad film, and the acting is wonderful."}, "options": {"steps": 20, "rule": "gauss-legendre"}}""");

    public static readonly ApiExample Attack = new(
        new Dictionary<string, string> { ["model"] = Sentiment, ["method"] = MethodNames.HotFlip },
        """{"input": {"text": "a gripping, beautifully acted film"}, "options": {"maxFlips": 3}}""");
}
