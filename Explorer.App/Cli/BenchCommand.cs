using System.CommandLine;
using System.Diagnostics;
using Interpret.Core.Attacks;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Saliency;
using Interpret.Results;
using static TorchSharp.torch;

namespace Explorer.App.Cli;

/// <summary>
/// `bench --model sentiment-sst2-bilstm`: times every method on one sentence next to two references measured in
/// the same run: one batch-1 forward+backward, and one forward+backward over a batch as large as the method's
/// steps or samples (the floor for batched work). Medians over --repeat runs after a warm-up.
/// </summary>
static class BenchCommand
{
    const string DefaultText = "The acting is superb and the story moving, although the final act drags on far too long and never quite lands.";

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", DefaultValueFactory = _ => "sentiment-sst2-bilstm" };
        var text = new Option<string>("--text") { Description = "Sentence to interpret.", DefaultValueFactory = _ => DefaultText };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per row (median reported).", DefaultValueFactory = _ => 20 };
        var n = new Option<int>("--steps") { Description = "IG steps and SmoothGrad samples.", DefaultValueFactory = _ => 50 };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("bench", "Time every method against batch-1 and batch-N forward+backward references.") { model, text, repeat, n, models };
        command.SetAction(parse =>
        {
            using var predictor = ModelFolder.Load(Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!));
            Run(predictor, parse.GetValue(text)!, parse.GetValue(repeat), parse.GetValue(n));
            return 0;
        });
        return command;
    }

    static void Run(Predictor predictor, string text, int repeat, int n)
    {
        var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = text });
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        Console.WriteLine($"{predictor.Id}: {input.TokenCount} tokens, libtorch threads {get_num_threads()}, median of {repeat} runs");
        Console.WriteLine($"{"row",-44} {"ms",9} {"× ref",8} {"passes",7}");

        // libtorch and the JIT are slow on first use of each shape: warm every path up before timing anything.
        for (int i = 0; i < 3; i++)
        {
            predictor.GetGradients(Enumerable.Repeat(labeled, n).ToList(), Objective.Loss);
            new IntegratedGradient().InterpretToEnd(predictor, input, new MethodOptions { Steps = n, Chunk = n });
        }
        double one = Time(repeat, () => predictor.GetGradients([labeled], Objective.Loss));
        double floor = Time(repeat, () => predictor.GetGradients(Enumerable.Repeat(labeled, n).ToList(), Objective.Loss));
        Row("reference: fwd+bwd, batch 1", one, one, 1);
        Row($"reference: fwd+bwd, batch {n} (floor)", floor, floor, 1);
        Console.WriteLine("(× ref: IG / SmoothGrad rows against the floor, the other rows against batch 1)");

        Saliency("simple-gradient", new SimpleGradient(), new MethodOptions(), one);
        foreach (var (name, method, options) in new (string, SaliencyInterpreter, Func<int, MethodOptions>)[]
        {
            ("integrated-gradient", new IntegratedGradient(), chunk => new MethodOptions { Steps = n, Chunk = chunk }),
            ("smooth-gradient", new SmoothGradient(), chunk => new MethodOptions { Samples = n, Chunk = chunk }),
        })
        {
            double whole = Saliency($"{name} {n}, one chunk", method, options(n), floor);
            double ui = Saliency($"{name} {n}, chunks of 10 (UI default)", method, options(10), floor);
            double sequential = Saliency($"{name} {n}, one at a time", method, options(1), floor);
            Console.WriteLine($"  {name}: one chunk is {sequential / whole:F1}× faster than one at a time, {whole / floor:F2}× the floor");
        }

        var flip = new HotFlip().RunToEnd(predictor, input, new MethodOptions());
        double flipMs = Time(Math.Max(1, repeat / 4), () => new HotFlip().RunToEnd(predictor, input, new MethodOptions()));
        Row($"hotflip ({flip.Steps.Count} flips, {(flip.Succeeded ? "flipped" : "not flipped")})", flipMs, one, flip.GradientPasses);
        Console.WriteLine($"  hotflip: {flip.GradientPasses} gradient passes for {flip.Steps.Count} flips (budget flips + 1 = {flip.Steps.Count + 1})");

        var reduction = new InputReduction().RunToEnd(predictor, input, new MethodOptions());
        double reductionMs = Time(Math.Max(1, repeat / 4), () => new InputReduction().RunToEnd(predictor, input, new MethodOptions()));
        Row($"input-reduction ({reduction.Steps.Count} removals)", reductionMs, one, reduction.GradientPasses);
        Console.WriteLine($"  input-reduction: {reduction.GradientPasses} batched passes for {reduction.Steps.Count} removals " +
            $"({input.TokenCount} → {reduction.FinalFields[0].Tokens.Count} tokens)");

        double Saliency(string label, SaliencyInterpreter method, MethodOptions options, double reference)
        {
            var result = method.InterpretToEnd(predictor, input, options);
            double ms = Time(repeat, () => method.InterpretToEnd(predictor, input, options));
            Row(label, ms, reference, result.GradientPasses);
            return ms;
        }
    }

    static void Row(string label, double ms, double floor, int passes) =>
        Console.WriteLine($"{label,-44} {ms,9:F2} {ms / floor,8:F2} {passes,7}");

    static double Time(int repeat, Action action)
    {
        action(); // warm-up
        var times = new double[repeat];
        for (int i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[repeat / 2];
    }
}
