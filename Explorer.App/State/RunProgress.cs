using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.State;

/// <summary>How far a streamed record is: saliency reports steps / samples done of the total; HotFlip its flips of
/// the most it may make; input reduction only its steps (its total is not known in advance).</summary>
public readonly record struct RunProgress(int Done, int Total, string Text)
{
    public bool Known => Total > 0;
    public double Percent => Known ? 100.0 * Math.Min(Done, Total) / Total : 0;

    public static RunProgress Of(object? record) => record switch
    {
        Interpretation i => new(i.Progress.Done, i.Progress.Total, $"{i.Progress.Done} / {i.Progress.Total} {Unit(i.Method)}"),
        Attack { Complete: true } a => new(1, 1, $"{Steps(a.Steps.Count)}, {(a.Succeeded ? "succeeded" : "did not succeed")}"),
        Attack { Method: MethodNames.HotFlip, Options.MaxFlips: int max } a => new(a.Steps.Count, max, $"{a.Steps.Count} / at most {max} flips"),
        Attack a => new(a.Steps.Count, 0, Steps(a.Steps.Count)),
        _ => new(0, 0, ""),
    };

    static string Unit(string method) => method switch
    {
        MethodNames.IntegratedGradient => "steps",
        MethodNames.SmoothGradient => "samples",
        _ => "passes",
    };

    static string Steps(int count) => count == 1 ? "1 step" : $"{count} steps";
}
