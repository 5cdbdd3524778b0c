using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>Runs any registered method by name and yields its records (Interpretation or Attack) as they update.</summary>
public static class MethodRunner
{
    /// <summary>Call on the torch thread. A request whose instances only the prediction tells (a tagger's entities) is
    /// checked against the budget once they are known, before any gradient work: one forward pass.</summary>
    public static IEnumerable<object> Run(Predictor predictor, string method, MethodRequest request, CancellationToken cancellation = default,
        WorkBudget? budget = null)
    {
        MethodRegistry.Check(method);
        var input = predictor.Tokenize(request.Input);
        var options = request.Options ?? new MethodOptions();
        if (budget is not null && budget != WorkBudget.Unlimited && WorkBudget.Known(predictor, input, options) is null)
        {
            var instances = LabeledInstances.Select(predictor, input, predictor.Predict(input), options).Count;
            budget.Check(predictor, method, Resolve(method, options), input, instances);
        }
        return MethodRegistry.IsSaliency(method)
            ? MethodRegistry.Saliency(method).Interpret(predictor, input, options, cancellation)
            : MethodRegistry.Attack(method).Run(predictor, input, options, cancellation);
    }

    /// <summary>Checks a request without running it, so a bad one (or one over the budget) fails before it queues.</summary>
    /// <param name="instances">How many labeled instances the prediction gave, when the caller knows it already.</param>
    public static void Validate(Predictor predictor, string method, MethodRequest request, WorkBudget? budget = null, int? instances = null)
    {
        MethodRegistry.Check(method);
        var input = predictor.Tokenize(request.Input);
        var resolved = Resolve(method, request.Options ?? new MethodOptions());
        budget?.Check(predictor, method, resolved, input, instances);
    }

    /// <summary>The estimated work of a valid request, weighted by the model (see <see cref="WorkBudget"/>); instances
    /// that only the prediction tells count as one unless given.</summary>
    public static long Estimate(Predictor predictor, string method, MethodRequest request, int? instances = null) =>
        WorkBudget.Estimate(predictor, method, Resolve(method, request.Options ?? new MethodOptions()), predictor.Tokenize(request.Input), instances);

    /// <summary>The options the method will use: defaults filled in, bad values rejected.</summary>
    public static MethodOptions Resolve(string method, MethodOptions options) =>
        MethodRegistry.IsSaliency(method) ? MethodRegistry.Saliency(method).Resolve(options) : MethodRegistry.Attack(method).Resolve(options);
}
