using Explorer.App.Hosting;
using Explorer.App.State;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Explorer.App.Tests;

/// <summary>The page's plain state classes, and where the app looks for its files.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class StateTests(ExplorerFactory factory)
{
    [Fact]
    public void The_options_form_sends_only_what_the_method_uses()
    {
        var form = new OptionsForm { Steps = 30, Samples = 7, Chunk = 5, Target = "negative", MaxFlips = 2, BeamSize = 4 };

        var ig = form.ToOptions(MethodGuide.Of(MethodNames.IntegratedGradient));
        Assert.Equal((30, 5, "negative", "riemann-left"), (ig.Steps, ig.Chunk, ig.Target, ig.Rule));
        Assert.Null(ig.Samples);
        Assert.Null(ig.BeamSize);

        var reduction = form.ToOptions(MethodGuide.Of(MethodNames.InputReduction));
        Assert.Equal(4, reduction.BeamSize);
        Assert.Null(reduction.Target); // input reduction takes no target
        Assert.Null(reduction.Steps);

        var flip = form.ToOptions(MethodGuide.Of(MethodNames.HotFlip));
        Assert.Equal((2, false, "negative"), (flip.MaxFlips, flip.Joint, flip.Target));
    }

    [Fact]
    public void Every_registered_method_has_a_guide()
    {
        Assert.Equal(MethodNames.All, MethodGuide.All.Select(m => m.Name));
        Assert.All(MethodGuide.All, m => Assert.Equal(MethodRegistry.IsAttack(m.Name), m.IsAttack));
    }

    [Fact]
    public void History_keeps_results_per_input_and_replaces_a_rerun()
    {
        var history = new ResultHistory();
        var input = new Dictionary<string, string> { ["text"] = "fine" };
        history.StartInput("m", input);
        history.Add(Interpretation("simple-gradient", steps: null));
        history.Add(Interpretation("integrated-gradient", steps: 10));
        history.Add(Interpretation("integrated-gradient", steps: 10));
        history.Add(Interpretation("integrated-gradient", steps: 20));
        Assert.Equal(3, history.Saliency.Count);

        history.StartInput("m", new Dictionary<string, string> { ["text"] = "fine" });
        Assert.Equal(3, history.Results.Count);
        history.StartInput("m", new Dictionary<string, string> { ["text"] = "other" });
        Assert.Empty(history.Results);
    }

    [Fact]
    public void Only_saliency_maps_of_the_same_instance_and_target_are_compared()
    {
        var history = new ResultHistory();
        history.StartInput("m", new Dictionary<string, string> { ["text"] = "the [MASK] and [MASK] ." });
        history.Add(Interpretation("simple-gradient", new MethodOptions { Instance = 0 }));
        history.Add(Interpretation("integrated-gradient", new MethodOptions { Instance = 0, Steps = 10 }));
        history.Add(Interpretation("simple-gradient", new MethodOptions { Instance = 1 }));
        history.Add(Interpretation("smooth-gradient", new MethodOptions { SingleInstance = true }));
        history.Add(Interpretation("integrated-gradient", new MethodOptions { Target = "she:2" }));

        var first = ResultHistory.QuestionOf(history.Results[1]);
        Assert.Equal(["simple-gradient", "integrated-gradient"], history.SaliencyFor(first).Select(i => i.Method));
        Assert.Equal(["smooth-gradient"], history.SaliencyFor(ResultHistory.QuestionOf(history.Results[3])).Select(i => i.Method));
        Assert.Equal(["integrated-gradient"], history.SaliencyFor(ResultHistory.Question.Of(new MethodOptions { Target = "she:2" })).Select(i => i.Method));
        Assert.Empty(history.SaliencyFor(ResultHistory.QuestionOf(null)));
    }

    [Fact]
    public void Progress_reads_steps_of_saliency_and_flips_of_hotflip()
    {
        var partial = Interpretation("integrated-gradient", steps: 50) with { Progress = new Progress(20, 50), Complete = false };
        var progress = RunProgress.Of(partial);
        Assert.Equal((20, 50, 40.0), (progress.Done, progress.Total, progress.Percent));
        Assert.Contains("20 / 50 steps", progress.Text);
        Assert.False(RunProgress.Of(null).Known);
    }

    [Fact]
    public void Examples_fit_the_demo_model_and_pass_its_input_checks()
    {
        var catalog = factory.Services.GetRequiredService<ModelCatalog>();
        var model = catalog.Get(ExplorerFactory.Model);
        var examples = ExampleInputs.For(model.Info);

        Assert.True(examples.Count >= 3);
        foreach (var example in examples) model.Tokenize(example);
    }

    [Fact]
    public void The_app_finds_its_web_root_and_models_next_to_itself()
    {
        Assert.True(File.Exists(Path.Combine(AppPaths.WebRoot, "app.css")));
        Assert.True(File.Exists(Path.Combine(AppPaths.Models, ExplorerFactory.Model, "manifest.json")));
        Assert.Equal(AppContext.BaseDirectory, AppPaths.WebApplicationOptions([]).ContentRootPath);
        Assert.Null(AppPaths.WebApplicationOptions(["--contentRoot=/tmp"]).ContentRootPath);
    }

    static Interpretation Interpretation(string method, int? steps) => Interpretation(method, new MethodOptions { Steps = steps });

    static Interpretation Interpretation(string method, MethodOptions options) =>
        new("m", "hash", method, options, [], 1, 1, true, new Progress(1, 1));
}
