using System.CommandLine;

namespace Explorer.App.Cli;

/// <summary>The app's commands besides serving the explorer: train, evaluate, interpret (batch JSONL), bench, stress.</summary>
static class CommandLine
{
    static readonly string[] Names = ["train", "evaluate", "baseline", "reduction", "interpret", "bench", "stress"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Contains(args[0]) || args[0] is "--help" or "-h");

    public static int Run(string[] args)
    {
        var root = new RootCommand("Interpret Explorer: run without a command to serve the explorer.")
        {
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            BaselineCommand.Create(),
            ReductionCommand.Create(),
            InterpretCommand.Create(),
            BenchCommand.Create(),
            StressCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
