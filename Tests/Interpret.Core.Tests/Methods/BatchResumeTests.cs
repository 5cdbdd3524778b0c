using System.Text.RegularExpressions;
using Interpret.Core.Methods;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;

namespace Interpret.Core.Tests.Methods;

/// <summary>Resuming a batch output: complete lines are kept, a cut-off tail is dropped and redone, --overwrite
/// starts again, and the resumed file equals an uninterrupted run's.</summary>
public sealed class BatchResumeTests : IDisposable
{
    // A blank line (no output line) and a bad line (an error line) check that output line k stays the k-th non-blank input line.
    static readonly string[] Lines =
    [
        "{\"text\": \"a fun movie\"}",
        "{\"text\": \"the plot was boring\"}",
        "",
        "not json",
        "{\"text\": \"the acting was great\"}",
        "{\"text\": \"fine\"}",
        "{\"text\": \"a boring plot\"}",
    ];

    readonly string _folder = Directory.CreateTempSubdirectory("batch-resume-").FullName;
    readonly Predictor _predictor = TinyModels.BiLstm();

    string Output(string name) => Path.Combine(_folder, name);

    BatchRunner.Summary RunInto(string path, bool overwrite = false, int? stopAfter = null)
    {
        using var stop = new CancellationTokenSource();
        using var output = ResumableOutput.Open(path, overwrite);
        return BatchRunner.Run(_predictor, "integrated-gradient", Lines, output.Writer, new() { Steps = 4 },
            lineDone: done => { if (done == stopAfter) stop.Cancel(); }, alreadyDone: output.CompleteLines, cancellation: stop.Token);
    }

    /// <summary>The file with each record's timing (the only field that differs between runs) zeroed.</summary>
    static string WithoutTimings(string path) => Regex.Replace(File.ReadAllText(path), "\"elapsedMs\":[0-9.eE+-]+", "\"elapsedMs\":0");

    [Fact]
    public void A_run_stopped_and_cut_mid_line_resumes_to_the_same_file_as_an_uninterrupted_run()
    {
        var whole = Output("whole.jsonl");
        Assert.Equal(new BatchRunner.Summary(5, 1), RunInto(whole));

        var resumed = Output("resumed.jsonl");
        Assert.Throws<OperationCanceledException>(() => RunInto(resumed, stopAfter: 3));
        Assert.Equal(3, File.ReadAllLines(resumed).Length);
        File.AppendAllText(resumed, "{\"model\":\"tiny\",\"instan"); // what kill -9 in the middle of a write leaves

        var summary = RunInto(resumed);

        Assert.Equal(new BatchRunner.Summary(Results: 3, Errors: 0, Resumed: 3), summary);
        Assert.Equal(WithoutTimings(whole), WithoutTimings(resumed));
        Assert.EndsWith("\n", File.ReadAllText(resumed));
    }

    [Fact]
    public void Complete_lines_are_kept_byte_for_byte_and_not_redone()
    {
        var path = Output("kept.jsonl");
        File.WriteAllText(path, "{\"kept\": 1}\n{\"kept\": 2}\n");

        var summary = RunInto(path);

        Assert.Equal(new BatchRunner.Summary(Results: 3, Errors: 1, Resumed: 2), summary);
        var lines = File.ReadAllLines(path);
        Assert.Equal(6, lines.Length);
        Assert.Equal(["{\"kept\": 1}", "{\"kept\": 2}"], lines[..2]);
        Assert.Contains("\"line\":4", lines[2]); // the third non-blank input line is input line 4
    }

    [Fact]
    public void A_newline_terminated_line_that_is_not_json_is_redone_with_everything_after_it()
    {
        var path = Output("garbled.jsonl");
        File.WriteAllText(path, "{\"kept\": 1}\n{\"cut\n{\"kept\": 3}\n");

        using (var output = ResumableOutput.Open(path, overwrite: false)) Assert.Equal(1, output.CompleteLines);

        Assert.Equal("{\"kept\": 1}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Resuming_counts_the_kept_error_lines()
    {
        var path = Output("failed.jsonl");
        RunInto(path);

        using var output = ResumableOutput.Open(path, overwrite: false);

        Assert.Equal(6, output.CompleteLines);
        Assert.Equal(1, output.FailedLines); // "not json"
    }

    [Fact]
    public void Overwrite_starts_the_file_again()
    {
        var path = Output("overwrite.jsonl");
        File.WriteAllText(path, "{\"kept\": 1}\n{\"kept\": 2}\n{\"kept\": 3}\n");

        var summary = RunInto(path, overwrite: true);

        Assert.Equal(new BatchRunner.Summary(5, 1), summary);
        Assert.DoesNotContain("kept", File.ReadAllText(path));
        Assert.Equal(6, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void An_output_longer_than_the_input_is_refused_instead_of_resumed()
    {
        var path = Output("other.jsonl");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("{}\n", 7)));

        var error = Assert.Throws<InputException>(() => RunInto(path));

        Assert.Contains("--overwrite", error.Message);
        Assert.Equal(7, File.ReadAllLines(path).Length);
    }

    public void Dispose()
    {
        _predictor.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
