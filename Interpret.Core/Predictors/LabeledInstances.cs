using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>Which labeled instances a method explains: the model's own prediction (default) or the user's target,
/// optionally narrowed to one instance of a structured prediction.</summary>
public static class LabeledInstances
{
    public static IReadOnlyList<LabeledInstance> Select(Predictor predictor, TextInstance input, Prediction prediction, MethodOptions options)
    {
        var all = options.Target is { } target
            ? [predictor.WithTarget(input, target)]
            : predictor.PredictionsToLabeledInstances(input, prediction);
        if (options.SingleInstance == true) all = [predictor.CombineInstances(all)];
        if (options.Instance is not { } index) return all;
        if (index < 0 || index >= all.Count)
            throw new InputException($"Instance {index} does not exist; this prediction has {all.Count} labeled instance(s) (0 to {all.Count - 1}).");
        return [all[index]];
    }
}
