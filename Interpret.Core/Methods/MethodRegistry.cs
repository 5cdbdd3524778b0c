using Interpret.Core.Attacks;
using Interpret.Core.Saliency;

namespace Interpret.Core.Methods;

/// <summary>One name, one implementation, everywhere (CLI, HTTP API, UI). The methods are stateless.</summary>
public static class MethodRegistry
{
    static readonly Dictionary<string, SaliencyInterpreter> SaliencyMethods = new SaliencyInterpreter[]
    {
        new SimpleGradient(), new IntegratedGradient(), new SmoothGradient(),
    }.ToDictionary(m => m.Name);

    static readonly Dictionary<string, Attacker> AttackMethods = new Attacker[]
    {
        new HotFlip(), new InputReduction(),
    }.ToDictionary(m => m.Name);

    public static bool IsSaliency(string name) => SaliencyMethods.ContainsKey(name);
    public static bool IsAttack(string name) => AttackMethods.ContainsKey(name);

    public static SaliencyInterpreter Saliency(string name) => SaliencyMethods.TryGetValue(name, out var m) ? m
        : throw new UnknownNameException($"Unknown saliency method '{name}'; use {string.Join(", ", MethodNames.Saliency)}.");

    public static Attacker Attack(string name) => AttackMethods.TryGetValue(name, out var m) ? m
        : throw new UnknownNameException($"Unknown attack '{name}'; use {string.Join(", ", MethodNames.Attacks)}.");

    public static void Check(string name)
    {
        if (!IsSaliency(name) && !IsAttack(name))
            throw new UnknownNameException($"Unknown method '{name}'; use {string.Join(", ", MethodNames.All)}.");
    }
}
