using Interpret.Results;
using Spectre.Console;

namespace Explorer.App.Cli;

/// <summary>
/// Shows a batch run's progress one input line at a time. On a terminal: a Spectre.Console bar redrawn when a line
/// finishes (auto refresh is off, so no timer thread is starved by libtorch's threads and the bar never skips lines).
/// Elsewhere (output redirected, CI logs), where Spectre would fall back to printing only at 25, 50 and 75 %: one plain
/// line per finished input line.
/// </summary>
sealed class BatchProgress(IAnsiConsole console, bool live)
{
    /// <summary>The console's own, for a terminal: a live bar only when stdout is a terminal that takes ANSI codes.</summary>
    public static BatchProgress ForConsole() =>
        new(AnsiConsole.Console, !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities is { Ansi: true, Interactive: true });

    /// <summary>Runs <paramref name="work"/>, handing it what to call when a line finishes (the number of lines done so
    /// far, resumed ones included) and when a line fails.</summary>
    public T Run<T>(string description, int total, int done, Func<Action<int>, Action<ErrorLine>, T> work)
    {
        void Failed(ErrorLine error) => console.MarkupLineInterpolated($"[red]line {error.Line}:[/] {error.Error}");
        if (!live)
            return work(finished => console.WriteLine($"{description}: {finished} of {total} lines ({Percent(finished, total)} %)"), Failed);
        return console.Progress().AutoRefresh(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                task.Value = done;
                context.Refresh();
                return work(finished =>
                {
                    task.Value = finished;
                    context.Refresh();
                }, Failed);
            });
    }

    static int Percent(int done, int total) => total == 0 ? 100 : (int)(100L * done / total);
}
