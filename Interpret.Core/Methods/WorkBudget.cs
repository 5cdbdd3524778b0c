using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>
/// The most work one request may ask for, in weighted tokens: token rows (<see cref="WorkCount.Tokens"/>) × the
/// model's <see cref="Predictor.WeightsPerToken"/>, so a transformer's token costs what it really costs next to a
/// small BiLSTM's. A request over it is refused before it queues, with what to lower.
/// </summary>
public sealed record WorkBudget(long MaxWork)
{
    /// <summary>About 30 s of one worker with two threads on a 2-core machine for the slowest model per unit measured
    /// (the BiLSTM with one 200-row chunk, 4.0e9 per second); MiniLM, at 2.5–5e10 per second, uses it in 2.5–5 s.</summary>
    public const long Default = 120_000_000_000;

    public static WorkBudget Unlimited { get; } = new(long.MaxValue);

    public static long Weighted(Predictor predictor, WorkCount count) =>
        count.Tokens > long.MaxValue / Math.Max(1, predictor.WeightsPerToken) ? long.MaxValue : count.Tokens * predictor.WeightsPerToken;

    /// <summary>The request's estimate. Instances: those the options or the input fix, else <paramref name="instances"/>
    /// (the prediction's count, when known), else one.</summary>
    public static long Estimate(Predictor predictor, string method, MethodOptions resolved, TextInstance input, int? instances = null) =>
        Weighted(predictor, WorkEstimator.Estimate(method, resolved, input, Known(predictor, input, resolved) ?? instances ?? 1,
            predictor.AttackedField(input, resolved.Field)));

    /// <summary>Instances fixed by the options (one chosen, one combined, one target) or by the input alone; null when
    /// only the prediction tells.</summary>
    public static int? Known(Predictor predictor, TextInstance input, MethodOptions options) =>
        options.Instance is not null || options.SingleInstance == true || options.Target is not null ? 1 : predictor.InstancesBeforePrediction(input);

    public void Check(Predictor predictor, string method, MethodOptions resolved, TextInstance input, int? instances = null)
    {
        long work = Estimate(predictor, method, resolved, input, instances);
        if (work <= MaxWork) return;
        var count = Known(predictor, input, resolved) ?? instances;
        throw new OverBudgetException(
            $"This request is too big for the server: about {Percent(work)} % of the work one request may use " +
            $"(Explorer:MaxWorkPerRequest). Lower {WhatToLower(method, count)}, or shorten the text ({input.TokenCount} tokens).");
    }

    public int Percent(long work) => (int)Math.Min(int.MaxValue, (long)Math.Ceiling(100.0 * work / MaxWork));

    static string WhatToLower(string method, int? instances)
    {
        var knob = method switch
        {
            MethodNames.IntegratedGradient => "steps",
            MethodNames.SmoothGradient => "samples",
            MethodNames.HotFlip => "maxFlips",
            MethodNames.InputReduction => "beamSize",
            _ => null,
        };
        var one = instances is not 1 ? $"pick one instance (instance){(instances is { } n ? $" of the {n}" : "")}" : null;
        return string.Join(" or ", new[] { knob, one }.Where(s => s is not null)) is { Length: > 0 } s ? s : "the input";
    }
}
