using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>
/// The model work a request implies before it runs, in the token rows <see cref="WorkMeter"/> counts. Saliency
/// methods are exact: one prediction, then per instance one gradient row per step or sample (IG adds a two-row
/// forward for its completeness check). Attacks give their most: HotFlip every allowed flip (each a one-row gradient
/// pass, plus a one-row forward for the label's probability under the logit objective), input reduction every level down to one token with a full beam; both stop sooner when the prediction
/// changes (HotFlip) or stops holding (reduction), so they may use less.
/// </summary>
public static class WorkEstimator
{
    /// <param name="options">The options as the method resolves them (defaults filled in).</param>
    /// <param name="attackedField">The field an attack would change (<see cref="Predictor.AttackedField"/>).</param>
    public static WorkCount Estimate(string method, MethodOptions options, TextInstance input, int instances, int attackedField)
    {
        long tokens = input.TokenCount;
        var predict = new WorkCount(tokens, 0);
        return method switch
        {
            MethodNames.SimpleGradient => predict + new WorkCount(0, instances * tokens),
            MethodNames.IntegratedGradient => predict + new WorkCount(instances * 2 * tokens, instances * (long)options.Steps!.Value * tokens),
            MethodNames.SmoothGradient => predict + new WorkCount(0, instances * (long)options.Samples!.Value * tokens),
            MethodNames.HotFlip => predict + HotFlipWork(options, input, attackedField, tokens),
            MethodNames.InputReduction => predict + new WorkCount(0, ReductionRows(options, input, attackedField, tokens)),
            _ => throw new UnknownNameException($"Unknown method '{method}'; use {string.Join(", ", MethodNames.All)}."),
        };
    }

    /// <summary>One gradient pass before the first flip and one after each; under the logit objective each pass's value
    /// is no log-probability, so HotFlip reads the label's probability in a forward pass as well.</summary>
    static WorkCount HotFlipWork(MethodOptions options, TextInstance input, int attackedField, long tokens)
    {
        long rows = (Flips(options, input, attackedField) + 1) * tokens;
        return new WorkCount(Objectives.Parse(options.Objective) == Objective.Logit ? rows : 0, rows);
    }

    static long Flips(MethodOptions options, TextInstance input, int attackedField)
    {
        int attacked = input.Fields[attackedField].Tokens.Count;
        return Math.Min(options.MaxFlips ?? Attacks.HotFlip.DefaultMaxFlips, attacked);
    }

    /// <summary>Level 0 is the input; level k holds up to beam candidates with k tokens of the attacked field removed.</summary>
    static long ReductionRows(MethodOptions options, TextInstance input, int attackedField, long tokens)
    {
        int attacked = input.Fields[attackedField].Tokens.Count;
        long rows = tokens;
        for (int removed = 1; removed < attacked; removed++) rows += options.BeamSize!.Value * (tokens - removed);
        return rows;
    }
}
