using Interpret.Core.Methods;

namespace Explorer.App.Cli;

/// <summary>How a finished batch run ends: one summary line, and an exit code a script can test. Lines that failed in
/// an earlier run and were kept on resume count as failed too, so rerunning does not hide them.</summary>
static class BatchOutcome
{
    /// <summary>The run finished, but some lines are error lines in the output.</summary>
    public const int SomeLinesFailedExitCode = 1;

    public static string Line(BatchRunner.Summary summary, int failedEarlier, TimeSpan elapsed, string outputPath)
    {
        var earlier = summary.Resumed > 0 ? $" ({failedEarlier} of them failed then)" : "";
        return $"{summary.Results} succeeded, {summary.Errors} failed, {summary.Resumed} resumed from an earlier run{earlier}; "
               + $"{elapsed.TotalSeconds:F1} s → {outputPath}";
    }

    public static int ExitCode(BatchRunner.Summary summary, int failedEarlier) =>
        summary.Errors + failedEarlier > 0 ? SomeLinesFailedExitCode : 0;
}
