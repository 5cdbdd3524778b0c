using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>Runs any registered method by name and yields its records (Interpretation or Attack) as they update.</summary>
public static class MethodRunner
{
    public static IEnumerable<object> Run(Predictor predictor, string method, MethodRequest request, CancellationToken cancellation = default)
    {
        MethodRegistry.Check(method);
        var input = predictor.Tokenize(request.Input);
        var options = request.Options ?? new MethodOptions();
        return MethodRegistry.IsSaliency(method)
            ? MethodRegistry.Saliency(method).Interpret(predictor, input, options, cancellation)
            : MethodRegistry.Attack(method).Run(predictor, input, options, cancellation);
    }

    /// <summary>Checks a request without running it, so a bad one fails before it queues.</summary>
    public static void Validate(Predictor predictor, string method, MethodRequest request)
    {
        MethodRegistry.Check(method);
        predictor.Tokenize(request.Input);
        var options = request.Options ?? new MethodOptions();
        if (MethodRegistry.IsSaliency(method)) MethodRegistry.Saliency(method).Resolve(options);
        else MethodRegistry.Attack(method).Resolve(options);
    }
}
