using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>
/// Batch mode's loop: one JSONL input line → one JSONL output line, the finished result record (the same JSON as
/// the API) or an <see cref="ErrorLine"/>. Blank lines are skipped and get no output line; a bad line is reported
/// and the run goes on. So output line k always belongs to the k-th non-blank input line, which is what lets a
/// stopped run resume: the output's complete lines say how many non-blank input lines are done.
/// </summary>
public static class BatchRunner
{
    /// <summary><paramref name="Resumed"/>: lines an earlier run had finished, skipped by this one.</summary>
    public sealed record Summary(int Results, int Errors, int Resumed = 0)
    {
        public int Done => Resumed + Results + Errors;
    }

    /// <summary>The input lines that produce an output line (the non-blank ones).</summary>
    public static int CountWork(IReadOnlyList<string> lines) => lines.Count(line => !string.IsNullOrWhiteSpace(line));

    /// <summary>
    /// Runs every non-blank line after the first <paramref name="alreadyDone"/> ones. Cancellation is checked before
    /// each line and between the method's chunks; a line cut short is abandoned (nothing written, so a rerun redoes
    /// it) and <see cref="OperationCanceledException"/> propagates. <paramref name="lineDone"/> gets the number of
    /// non-blank lines done so far, resumed ones included.
    /// </summary>
    public static Summary Run(Predictor predictor, string method, IReadOnlyList<string> lines, TextWriter output,
        MethodOptions? defaults = null, Action<int>? lineDone = null, Action<ErrorLine>? lineFailed = null,
        int alreadyDone = 0, CancellationToken cancellation = default)
    {
        MethodRegistry.Check(method);
        int total = CountWork(lines);
        if (alreadyDone > total)
            throw new InputException($"The output already has {alreadyDone} lines but the input has only {total}: it belongs to another input. Use --overwrite to start again.");
        int results = 0, errors = 0, seen = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (++seen <= alreadyDone) continue;
            cancellation.ThrowIfCancellationRequested();
            string written;
            try
            {
                // Like one API request on the worker pool: whatever native tensors the line leaves behind go with it.
                using var scope = TorchSharp.torch.NewDisposeScope();
                var request = RequestParser.Parse(lines[i], defaults, method);
                written = ResultJson.Serialize(MethodRunner.Run(predictor, method, request, cancellation).Last());
                results++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Bad input says what is wrong; anything else is reported by type, and the run goes on.
                var error = new ErrorLine(i + 1, e is InputException ? e.Message : $"{e.GetType().Name}: {e.Message}");
                written = ResultJson.Serialize(error);
                lineFailed?.Invoke(error);
                errors++;
            }
            // One write of the whole line, then a flush: a kill leaves at most one partial line, which resume drops.
            output.Write(written + "\n");
            output.Flush();
            lineDone?.Invoke(seen);
        }
        return new Summary(results, errors, alreadyDone);
    }
}
