using System.CommandLine;
using System.Diagnostics;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Results;
using Spectre.Console;

namespace Explorer.App.Cli;

/// <summary>
/// Batch mode: `interpret --model M --method X --input in.jsonl --output out.jsonl`. Each input line is an input
/// object ({"text": …}) or a request ({"input": {…}, "options": {…}}); each output line is the finished result
/// record, the same JSON the API returns, or {"line": n, "error": "…"} for a line that could not be processed.
/// A bad line never stops the run.
/// </summary>
static class InterpretCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", Required = true };
        var method = new Option<string>("--method") { Description = $"One of: {string.Join(", ", MethodNames.All)}.", Required = true };
        var input = new Option<string>("--input") { Description = "JSONL file of inputs.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL file to write results to.", Required = true };
        var options = new Option<string?>("--options") { Description = "Default method options as JSON, e.g. '{\"steps\": 50}'; a line's own options win." };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("interpret", "Run a saliency method or attack over every line of a JSONL file.") { model, method, input, output, options, models };
        command.SetAction(parse =>
        {
            try
            {
                var name = parse.GetValue(method)!;
                MethodRegistry.Check(name);
                var defaults = parse.GetValue(options) is { } json ? RequestParser.ParseOptions(json) : null;
                var folder = Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!);
                if (!Directory.Exists(folder)) throw new UnknownNameException($"Unknown model '{parse.GetValue(model)}': no folder {folder}.");
                using var predictor = ModelFolder.Load(folder);
                return Run(predictor, name, parse.GetValue(input)!, parse.GetValue(output)!, defaults);
            }
            catch (Exception e) when (e is UnknownNameException or InputException or FileNotFoundException or ModelLoadException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    static int Run(Predictor predictor, string method, string inputPath, string outputPath, MethodOptions? defaults)
    {
        if (!File.Exists(inputPath)) throw new FileNotFoundException($"No input file {inputPath}.", inputPath);
        var lines = File.ReadAllLines(inputPath);
        var clock = Stopwatch.StartNew();
        BatchRunner.Summary summary = new(0, 0);
        using (var writer = new StreamWriter(outputPath))
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"{method} on {predictor.Id}", maxValue: Math.Max(1, lines.Length));
                    summary = BatchRunner.Run(predictor, method, lines, writer, defaults,
                        lineDone: done => task.Value = done,
                        lineFailed: error => AnsiConsole.MarkupLineInterpolated($"[red]line {error.Line}:[/] {error.Error}"));
                });
        }
        Console.WriteLine($"{summary.Results} results, {summary.Errors} errors, {clock.Elapsed.TotalSeconds:F1} s → {outputPath}");
        return 0;
    }
}
