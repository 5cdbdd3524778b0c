namespace Interpret.Core.Methods;

/// <summary>The options each method reads, by their JSON names, so a request can be told which of its options a method
/// would ignore and which ones it takes. <c>MethodOptionNamesTests</c> checks each list against the method's Resolve.</summary>
public static class MethodOptionNames
{
    static readonly string[] Common = ["objective", "target", "instance", "singleInstance"];

    static readonly Dictionary<string, IReadOnlyList<string>> ByMethod = new()
    {
        [MethodNames.SimpleGradient] = Common,
        [MethodNames.IntegratedGradient] = [.. Common, "steps", "rule", "chunk"],
        [MethodNames.SmoothGradient] = [.. Common, "samples", "noiseScale", "seed", "timesInput", "chunk"],
        [MethodNames.HotFlip] = [.. Common, "field", "maxFlips", "joint"],
        // No target: input reduction keeps the model's own prediction.
        [MethodNames.InputReduction] = ["objective", "instance", "singleInstance", "field", "beamSize"],
    };

    public static IReadOnlyList<string> For(string method)
    {
        MethodRegistry.Check(method);
        return ByMethod[method];
    }

    public static bool Applies(string method, string option) => For(method).Contains(option, StringComparer.OrdinalIgnoreCase);
}
