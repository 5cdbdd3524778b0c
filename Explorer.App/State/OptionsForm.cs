using Interpret.Results;

namespace Explorer.App.State;

/// <summary>The values of the option inputs. Empty means "the method's default"; only the options the chosen
/// method uses go into its request.</summary>
public sealed class OptionsForm
{
    public string Objective { get; set; } = "loss";
    /// <summary>Null: explain / attack the model's own prediction.</summary>
    public string? Target { get; set; }
    public int? Steps { get; set; } = 10;
    public string Rule { get; set; } = "riemann-left";
    public int? Samples { get; set; } = 10;
    public double? NoiseScale { get; set; } = 0.01;
    public int? Seed { get; set; } = 0;
    public bool TimesInput { get; set; }
    public int? Chunk { get; set; }
    public int? MaxFlips { get; set; }
    public bool Joint { get; set; }
    public int? BeamSize { get; set; } = 3;
    /// <summary>Null: attack the task's last field (the hypothesis for NLI).</summary>
    public string? Field { get; set; }

    public static IReadOnlyList<string> Objectives { get; } = ["loss", "log-prob", "logit"];

    /// <summary>Fills the inputs from options (a shared link's); what they leave unset keeps its value.</summary>
    public void Load(MethodOptions options)
    {
        Objective = options.Objective ?? Objective;
        Target = options.Target ?? Target;
        Steps = options.Steps ?? Steps;
        Rule = options.Rule ?? Rule;
        Samples = options.Samples ?? Samples;
        NoiseScale = options.NoiseScale ?? NoiseScale;
        Seed = options.Seed ?? Seed;
        TimesInput = options.TimesInput ?? TimesInput;
        Chunk = options.Chunk ?? Chunk;
        MaxFlips = options.MaxFlips ?? MaxFlips;
        Joint = options.Joint ?? Joint;
        BeamSize = options.BeamSize ?? BeamSize;
        Field = options.Field ?? Field;
    }

    public MethodOptions ToOptions(MethodGuide method)
    {
        T? If<T>(MethodOption option, T? value) => method.Uses(option) ? value : default;
        return new MethodOptions
        {
            Objective = If(MethodOption.Objective, Objective),
            Target = If(MethodOption.Target, Target),
            Steps = If(MethodOption.Steps, Steps),
            Rule = If(MethodOption.Rule, Rule),
            Samples = If(MethodOption.Samples, Samples),
            NoiseScale = If(MethodOption.NoiseScale, NoiseScale),
            Seed = If(MethodOption.Seed, Seed),
            TimesInput = method.Uses(MethodOption.TimesInput) ? TimesInput : null,
            Chunk = If(MethodOption.Chunk, Chunk),
            MaxFlips = If(MethodOption.MaxFlips, MaxFlips),
            Joint = method.Uses(MethodOption.Joint) ? Joint : null,
            BeamSize = If(MethodOption.BeamSize, BeamSize),
            Field = If(MethodOption.Field, Field),
        };
    }
}
