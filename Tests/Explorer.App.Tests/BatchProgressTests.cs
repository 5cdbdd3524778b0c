using Explorer.App.Cli;
using Interpret.Results;
using Spectre.Console;

namespace Explorer.App.Tests;

/// <summary>The batch command's progress moves once per input line: the live bar is redrawn as each line finishes (no
/// timer involved), and without a terminal each line prints its own progress line.</summary>
public sealed class BatchProgressTests
{
    static (IAnsiConsole Console, StringWriter Text) Terminal()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(text),
        });
        return (console, text);
    }

    [Fact]
    public void The_live_bar_is_redrawn_at_each_finished_line()
    {
        var (console, text) = Terminal();
        var seen = new List<bool>();

        var result = new BatchProgress(console, live: true).Run("ig on bilstm", total: 4, done: 1, (lineDone, _) =>
        {
            foreach (var (finished, percent) in new[] { (2, "50%"), (3, "75%"), (4, "100%") })
            {
                lineDone(finished);
                seen.Add(text.ToString().Contains(percent));
            }
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal([true, true, true], seen);
        Assert.Contains("25%", text.ToString()); // the resumed line, drawn before any work
    }

    [Fact]
    public void Without_a_terminal_each_line_prints_its_own_progress_line()
    {
        var (console, text) = Terminal();

        new BatchProgress(console, live: false).Run("ig on bilstm", total: 3, done: 0, (lineDone, lineFailed) =>
        {
            lineDone(1);
            lineFailed(new ErrorLine(2, "The 'text' field is empty."));
            lineDone(2);
            lineDone(3);
            return 0;
        });

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["ig on bilstm: 1 of 3 lines (33 %)", "line 2: The 'text' field is empty.", "ig on bilstm: 2 of 3 lines (66 %)",
            "ig on bilstm: 3 of 3 lines (100 %)"], lines);
    }
}
