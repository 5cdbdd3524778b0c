using System.Globalization;
using Interpret.Components;
using Interpret.Results;

namespace Explorer.App.State;

/// <summary>One-line descriptions of result records for headings and history entries.</summary>
public static class ResultText
{
    public static string Title(object record) => record switch
    {
        Interpretation i => Join(MethodGuide.Of(i.Method).Title, Subject(i), OptionsOf(i.Options), Ms(i.ElapsedMs)),
        Attack a => Join(MethodGuide.Of(a.Method).Title, Subject(a), OptionsOf(a.Options), Ms(a.ElapsedMs)),
        _ => "",
    };

    /// <summary>What a tagger's or masked LM's result explains: "ORG: Microsoft", or "3 entities" when it shows them
    /// all; "[MASK] text[4] → she", or "all masks → she · it"; null for a classifier's result.</summary>
    public static string? Subject(object record)
    {
        switch (record)
        {
            case Attack a when Mask(a.Label) is { } mask:
                return mask;
            case Interpretation { Instances: [var only] } when Mask(only.Label) is { } mask:
                return mask;
            case Interpretation { Instances.Count: > 1 } i when i.Instances.All(x => Mask(x.Label) is not null):
                return $"{i.Instances.Count} masks";
            case Attack a:
                return AttackDiff.Entity(a);
            case Interpretation { Instances: [var only] } when EntityText.IsSpan(only.Label):
                var field = only.Fields.FirstOrDefault(f => f.Name == only.Label.Field);
                return field is null ? only.Label.Value : EntityText.Describe(only.Label, field.Tokens);
            case Interpretation { Instances.Count: > 1 } i when i.Instances.All(x => EntityText.IsSpan(x.Label)):
                return $"{i.Instances.Count} entities";
            default:
                return null;
        }
    }

    /// <summary>A masked LM's instance: one mask (kind "word") or all masks at once (kind "words"); null otherwise.</summary>
    static string? Mask(InstanceLabel label) => label.Kind switch
    {
        "word" when label.Start is int at => $"[MASK] {label.Field}[{at}] → {label.Value}",
        "words" => $"all masks → {label.Value}",
        _ => null,
    };

    /// <summary>The labeled instance a result was asked for (the <c>Instance</c> option; null: all, or a classifier).</summary>
    public static int? Instance(object? record) => record switch
    {
        Interpretation i => i.Options.Instance,
        Attack a => a.Options.Instance,
        _ => null,
    };

    static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

    public static string Method(object record) => record switch
    {
        Interpretation i => i.Method,
        Attack a => a.Method,
        _ => "",
    };

    public static bool Complete(object? record) => record switch
    {
        Interpretation i => i.Complete,
        Attack a => a.Complete,
        _ => false,
    };

    /// <summary>The options a result actually used, e.g. "objective loss, steps 10, rule riemann-left".</summary>
    public static string OptionsOf(MethodOptions o)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null) parts.Add($"{name} {Convert.ToString(value, CultureInfo.InvariantCulture)?.ToLowerInvariant()}");
        }
        Add("objective", o.Objective);
        Add("target", o.Target);
        Add("instance", o.Instance);
        Add("single instance", o.SingleInstance);
        Add("steps", o.Steps);
        Add("rule", o.Rule);
        Add("samples", o.Samples);
        Add("noise", o.NoiseScale);
        Add("seed", o.Seed);
        Add("times input", o.TimesInput);
        Add("chunk", o.Chunk);
        Add("field", o.Field);
        Add("max flips", o.MaxFlips);
        Add("joint", o.Joint);
        Add("beam", o.BeamSize);
        return string.Join(", ", parts);
    }

    static string Ms(double ms) => ms < 1000 ? $"{ms:0} ms" : $"{ms / 1000:0.0} s";
}
