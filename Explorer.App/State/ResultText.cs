using System.Globalization;
using Interpret.Results;

namespace Explorer.App.State;

/// <summary>One-line descriptions of result records for headings and history entries.</summary>
public static class ResultText
{
    public static string Title(object record) => record switch
    {
        Interpretation i => $"{MethodGuide.Of(i.Method).Title} · {OptionsOf(i.Options)} · {Ms(i.ElapsedMs)}",
        Attack a => $"{MethodGuide.Of(a.Method).Title} · {OptionsOf(a.Options)} · {Ms(a.ElapsedMs)}",
        _ => "",
    };

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
