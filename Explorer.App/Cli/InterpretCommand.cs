using System.CommandLine;
using System.Diagnostics;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Torch;
using Interpret.Results;

namespace Explorer.App.Cli;

/// <summary>
/// Batch mode: `interpret --model M --method X --input in.jsonl --output out.jsonl`. Each input line is an input
/// object ({"text": …}) or a request ({"input": {…}, "options": {…}}); each output line is the finished result
/// record, the same JSON the API returns, or {"line": n, "error": "…"} for a line that could not be processed.
/// A bad line never stops the run. Rerunning the same command resumes after the output's last complete line
/// (--overwrite starts again); Ctrl+C or SIGTERM stops after the current step, and a second run on the same output
/// is refused while the first holds its lock. Exit codes: 0 every line succeeded, 1 some lines are error lines (this run's
/// or kept from an earlier one), 2 the run could not start, 130 stopped.
/// </summary>
static class InterpretCommand
{
    /// <summary>The shell's convention for "stopped by SIGINT".</summary>
    public const int StoppedExitCode = 130;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", Required = true };
        var method = new Option<string>("--method") { Description = $"One of: {string.Join(", ", MethodNames.All)}.", Required = true };
        var input = new Option<string>("--input") { Description = "JSONL file of inputs.", Required = true };
        var output = new Option<string>("--output") { Description = "JSONL file to write results to; an existing one is resumed after its last complete line.", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Start the output file again instead of resuming it." };
        var options = new Option<string?>("--options") { Description = "Default method options as JSON, e.g. '{\"steps\": 50}'; a line's own options win." };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("interpret", "Run a saliency method or attack over every line of a JSONL file.") { model, method, input, output, overwrite, options, models };
        command.SetAction(parse =>
        {
            try
            {
                var name = parse.GetValue(method)!;
                MethodRegistry.Check(name);
                var defaults = parse.GetValue(options) is { } json ? RequestParser.ParseOptions(json, name) : null;
                var inputPath = parse.GetValue(input)!;
                var outputPath = parse.GetValue(output)!;
                if (!File.Exists(inputPath)) throw new FileNotFoundException($"No input file {inputPath}.", inputPath);
                var folder = Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!);
                if (!Directory.Exists(folder)) throw new UnknownNameException($"Unknown model '{parse.GetValue(model)}': no folder {folder}.");
                // The lock comes first, so a second run is refused at once, before it loads a model or touches the output.
                using var outputLock = OutputLock.Take(outputPath);
                using var outputFile = ResumableOutput.Open(outputPath, parse.GetValue(overwrite));
                using var predictor = ModelFolder.Load(folder);
                return Run(predictor, name, File.ReadAllLines(inputPath), outputFile, outputPath, defaults);
            }
            catch (Exception e) when (e is UnknownNameException or InputException or FileNotFoundException or DirectoryNotFoundException
                                       or OutputLockedException or ModelLoadException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    static int Run(Predictor predictor, string method, string[] lines, ResumableOutput output, string outputPath, MethodOptions? defaults)
    {
        int total = BatchRunner.CountWork(lines), done = output.CompleteLines;
        if (done > 0) Console.WriteLine($"Resuming after {done} of {total} lines already in {outputPath} (--overwrite starts again).");
        using var stop = new StopSignal();
        var clock = Stopwatch.StartNew();
        BatchRunner.Summary summary;
        try
        {
            summary = BatchProgress.ForConsole().Run($"{method} on {predictor.Id}", total, done, (lineDone, lineFailed) =>
                TorchThread.Run("torch-batch", () => BatchRunner.Run(predictor, method, lines, output.Writer, defaults,
                    lineDone: finished => { done = finished; lineDone(finished); }, lineFailed: lineFailed,
                    alreadyDone: output.CompleteLines, cancellation: stop.Token)));
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            Console.WriteLine($"Stopped after {done} of {total} lines ({clock.Elapsed.TotalSeconds:F1} s); {outputPath} holds every finished line. Rerun the same command to resume.");
            return StoppedExitCode;
        }
        Console.WriteLine(BatchOutcome.Line(summary, output.FailedLines, clock.Elapsed, outputPath));
        return BatchOutcome.ExitCode(summary, output.FailedLines);
    }
}
