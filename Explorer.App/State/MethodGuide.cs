using Interpret.Core.Methods;

namespace Explorer.App.State;

/// <summary>What the page says about each registered method and which option inputs it shows.</summary>
public sealed record MethodGuide(string Name, string Title, string Description, bool IsAttack, IReadOnlySet<MethodOption> Options)
{
    public static IReadOnlyList<MethodGuide> All { get; } =
    [
        new(MethodNames.SimpleGradient, "Simple gradient",
            "The objective's gradient at each token embedding, times the embedding. One pass.",
            false, Set(MethodOption.Objective, MethodOption.Target)),
        new(MethodNames.IntegratedGradient, "Integrated gradients",
            "Gradients averaged along the straight path from an all-zero baseline to the input, times the input.",
            false, Set(MethodOption.Objective, MethodOption.Target, MethodOption.Steps, MethodOption.Rule, MethodOption.Chunk)),
        new(MethodNames.SmoothGradient, "SmoothGrad",
            "Gradients averaged over copies of the input with Gaussian noise on the embeddings.",
            false, Set(MethodOption.Objective, MethodOption.Target, MethodOption.Samples, MethodOption.NoiseScale,
                MethodOption.Seed, MethodOption.TimesInput, MethodOption.Chunk)),
        new(MethodNames.HotFlip, "HotFlip",
            "Swaps words, the one with the largest gradient first, until the prediction changes (or reaches the target).",
            true, Set(MethodOption.Objective, MethodOption.Target, MethodOption.MaxFlips, MethodOption.Joint, MethodOption.Field)),
        new(MethodNames.InputReduction, "Input reduction",
            "Removes the least important words, one by one, for as long as the prediction stays the same.",
            true, Set(MethodOption.Objective, MethodOption.BeamSize, MethodOption.Field)),
    ];

    public static MethodGuide Of(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? new MethodGuide(name, name, "", MethodRegistry.IsAttack(name), new HashSet<MethodOption>());

    public bool Uses(MethodOption option) => Options.Contains(option);

    static HashSet<MethodOption> Set(params MethodOption[] options) => [.. options];
}

/// <summary>The option inputs of the method form.</summary>
public enum MethodOption { Objective, Target, Steps, Rule, Samples, NoiseScale, Seed, TimesInput, Chunk, MaxFlips, Joint, BeamSize, Field }
