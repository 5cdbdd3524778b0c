using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Tests.Methods;

/// <summary>Each method's list of options is exactly what its Resolve keeps: an option set alone comes back in the
/// resolved options if and only if the list names it (a refused one, input reduction's target, counts as not taken).</summary>
public class MethodOptionNamesTests
{
    static readonly Dictionary<string, MethodOptions> OneOptionSet = new()
    {
        ["objective"] = new() { Objective = "logit" },
        ["target"] = new() { Target = "positive" },
        ["instance"] = new() { Instance = 0 },
        ["singleInstance"] = new() { SingleInstance = true },
        ["steps"] = new() { Steps = 4 },
        ["rule"] = new() { Rule = "trapezoid" },
        ["samples"] = new() { Samples = 4 },
        ["noiseScale"] = new() { NoiseScale = 0.1 },
        ["seed"] = new() { Seed = 3 },
        ["timesInput"] = new() { TimesInput = true },
        ["chunk"] = new() { Chunk = 2 },
        ["field"] = new() { Field = "text" },
        ["maxFlips"] = new() { MaxFlips = 2 },
        ["joint"] = new() { Joint = true },
        ["beamSize"] = new() { BeamSize = 2 },
    };

    [Fact]
    public void Every_option_of_the_record_is_covered_here()
    {
        var names = ResultJson.Options.GetTypeInfo(typeof(MethodOptions)).Properties.Select(p => p.Name);
        Assert.Equal(names.Order(), OneOptionSet.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_method_s_list_is_what_its_resolve_keeps(string method)
    {
        var properties = ResultJson.Options.GetTypeInfo(typeof(MethodOptions)).Properties.ToDictionary(p => p.Name);
        foreach (var (option, set) in OneOptionSet)
        {
            MethodOptions? resolved;
            try { resolved = MethodRunner.Resolve(method, set); }
            catch (InputException) { resolved = null; }
            var kept = resolved is not null && properties[option].Get!(resolved) is not null;
            Assert.True(kept == MethodOptionNames.Applies(method, option), $"{method}: '{option}' kept by Resolve: {kept}");
        }
    }

    public static TheoryData<string> Methods() => [.. MethodNames.All];

    [Fact]
    public void An_option_another_method_takes_is_refused_with_this_method_s_options()
    {
        var error = Assert.Throws<InputException>(() =>
            RequestParser.Parse("""{"input": {"text": "fun"}, "options": {"steps": 5}}""", method: MethodNames.HotFlip));

        Assert.Equal("The option 'steps' does not apply to hotflip; its options are objective, target, instance, singleInstance, field, maxFlips, joint.",
            error.Message);
    }

    [Fact]
    public void An_unknown_option_is_refused_with_this_method_s_options()
    {
        var error = Assert.Throws<InputException>(() => RequestParser.ParseOptions("""{"stepz": 5}""", MethodNames.IntegratedGradient));

        Assert.Equal("Unknown option 'stepz' for integrated-gradient; its options are objective, target, instance, singleInstance, steps, rule, chunk.",
            error.Message);
    }
}
