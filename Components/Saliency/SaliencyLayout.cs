using Interpret.Results;

namespace Interpret.Components;

/// <summary>An instance laid out for display: one row per field, all on one colour scale whose full colour is at Max.</summary>
public sealed record SaliencyLayout(InterpretedInstance Instance, IReadOnlyList<SaliencyRow> Rows, double Max, SaliencyScale Scale)
{
    public int TokenCount => Rows.Sum(r => r.Cells.Count);

    public bool Signed => Scale != SaliencyScale.Magnitude;

    /// <summary>Lays out an instance: signed scores on a diverging scale, or normalised ones on a sequential scale.
    /// Ranks and the scale span all fields. <paramref name="max"/> overrides the scale's full-colour score so several
    /// layouts can share one scale. Scores missing from a partial result count as 0.</summary>
    public static SaliencyLayout Build(InterpretedInstance instance, SaliencyScale scale, double? max = null)
    {
        var scores = instance.Fields
            .SelectMany(f => f.Tokens.Select((_, i) => Score(f, i, scale)))
            .ToList();
        var ranks = ScoreRanking.Ranks(scores);
        var scaleMax = max ?? scores.Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();

        var rows = new List<SaliencyRow>();
        var n = 0; // index into the flattened scores
        foreach (var field in instance.Fields)
        {
            var cells = new List<SaliencyCell>(field.Tokens.Count);
            for (var i = 0; i < field.Tokens.Count; i++, n++)
            {
                cells.Add(new SaliencyCell(field.Name, i, field.Tokens[i].Text, At(field.Raw, i), At(field.Normalized, i),
                    scores[n], ranks[n], ColorScale.For(scores[n], scaleMax, scale != SaliencyScale.Magnitude), InSpan(instance.Label, field.Name, i)));
            }
            rows.Add(new SaliencyRow(field.Name, cells));
        }
        return new SaliencyLayout(instance, rows, scaleMax, scale);
    }

    static double Score(FieldScores field, int i, SaliencyScale scale) => scale switch
    {
        SaliencyScale.Signed => At(field.Raw, i),
        SaliencyScale.SignedShare => double.IsFinite(At(field.Raw, i)) ? Math.Sign(At(field.Raw, i)) * At(field.Normalized, i) : 0,
        _ => At(field.Normalized, i),
    };

    static double At(IReadOnlyList<double> values, int i) => i < values.Count ? values[i] : 0;

    static bool InSpan(InstanceLabel label, string field, int index) =>
        label.Field == field && label.Start is int start && label.End is int end && index >= start && index < end;
}
