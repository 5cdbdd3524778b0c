using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>
/// Batch mode's loop: one JSONL input line → one JSONL output line, the finished result record (the same JSON as
/// the API) or an <see cref="ErrorLine"/>. Blank lines are skipped; a bad line is reported and the run goes on.
/// </summary>
public static class BatchRunner
{
    public sealed record Summary(int Results, int Errors);

    public static Summary Run(Predictor predictor, string method, IReadOnlyList<string> lines, TextWriter output,
        MethodOptions? defaults = null, Action<int>? lineDone = null, Action<ErrorLine>? lineFailed = null)
    {
        MethodRegistry.Check(method);
        int results = 0, errors = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                try
                {
                    var request = RequestParser.Parse(lines[i], defaults);
                    output.WriteLine(ResultJson.Serialize(MethodRunner.Run(predictor, method, request).Last()));
                    results++;
                }
                catch (Exception e)
                {
                    // Bad input says what is wrong; anything else is reported by type, and the run goes on.
                    var error = new ErrorLine(i + 1, e is InputException ? e.Message : $"{e.GetType().Name}: {e.Message}");
                    output.WriteLine(ResultJson.Serialize(error));
                    lineFailed?.Invoke(error);
                    errors++;
                }
            }
            lineDone?.Invoke(i + 1);
        }
        return new Summary(results, errors);
    }
}
