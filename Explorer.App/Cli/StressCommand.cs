using System.CommandLine;
using System.Diagnostics;
using Interpret.Core.Diagnostics;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Results;
using static TorchSharp.torch;

namespace Explorer.App.Cli;

/// <summary>
/// `stress --model ner-conll2003-bilstm-crf --methods hotflip,integrated-gradient --runs 200`: runs each method on one
/// input again and again, each run in its own dispose scope as a worker runs a job, while a second thread forces
/// garbage collections back to back (<see cref="CollectorPressure"/>), so that a native object freed by a finalizer
/// while libtorch still uses it fails within a few runs instead of once in hours. Reports runs, failures, time and
/// each distinct error; exits 1 if any run failed. Too slow for the test suite, hence a command.
/// </summary>
static class StressCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", DefaultValueFactory = _ => "ner-conll2003-bilstm-crf" };
        var methods = new Option<string>("--methods") { Description = "Comma-separated methods.", DefaultValueFactory = _ => "hotflip,integrated-gradient" };
        var runs = new Option<int>("--runs") { Description = "Runs per method.", DefaultValueFactory = _ => 200 };
        var input = new Option<string?>("--input") { Description = "Input object as JSON, e.g. '{\"text\": \"…\"}'. Default: a 256-token text full of entities." };
        var options = new Option<string>("--options") { Description = "Method options as JSON.", DefaultValueFactory = _ => "{\"instance\": 0}" };
        var collect = new Option<bool>("--collect") { Description = "Force garbage collections on a second thread meanwhile.", DefaultValueFactory = _ => true };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("stress", "Run methods many times under constant garbage collection and count failures.")
            { model, methods, runs, input, options, collect, models };
        command.SetAction(parse =>
        {
            using var predictor = ModelFolder.Load(Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!));
            var json = parse.GetValue(input) ?? System.Text.Json.JsonSerializer.Serialize(new { text = EntityText(256) });
            var request = new MethodRequest(RequestParser.Parse(json).Input, RequestParser.ParseOptions(parse.GetValue(options)!));
            int failed = 0;
            foreach (var method in parse.GetValue(methods)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                failed += Run(predictor, method, request, parse.GetValue(runs), parse.GetValue(collect));
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Returns the number of failed runs.</summary>
    static int Run(Interpret.Core.Predictors.Predictor predictor, string method, MethodRequest request, int runs, bool collect)
    {
        MethodRunner.Validate(predictor, method, request);
        var errors = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        long collections = 0;
        using (var pressure = collect ? new CollectorPressure() : null)
        {
            for (int run = 0; run < runs; run++)
            {
                try
                {
                    using var scope = NewDisposeScope();
                    foreach (var _ in MethodRunner.Run(predictor, method, request)) { }
                }
                catch (Exception e)
                {
                    var message = e.GetType().Name + ": " + e.Message.Split('\n')[0];
                    errors[message] = errors.GetValueOrDefault(message) + 1;
                    Console.WriteLine($"  run {run + 1}: {message}");
                }
                if ((run + 1) % 10 == 0) Console.WriteLine($"  {method}: {run + 1}/{runs} runs, {errors.Values.Sum()} failed, {clock.Elapsed.TotalSeconds:F0} s");
            }
            collections = pressure?.Collections ?? 0;
        }
        int failed = errors.Values.Sum();
        Console.WriteLine($"{predictor.Id} {method}: {runs} runs, {failed} failed, {clock.Elapsed.TotalSeconds:F1} s, " +
            $"{collections} forced collections, libtorch threads {get_num_threads()}");
        foreach (var (message, count) in errors) Console.WriteLine($"  {count} × {message}");
        return failed;
    }

    /// <summary>Space-separated words, every sentence with people, organisations and places: an NER input of the given
    /// number of tokens that needs nothing from ../shared.</summary>
    internal static string EntityText(int tokens)
    {
        var sentence = "Peter Blackburn of the European Commission said on Thursday in Brussels that Germany and France would meet .".Split(' ');
        return string.Join(' ', Enumerable.Range(0, tokens).Select(i => sentence[i % sentence.Length]));
    }
}
