namespace Interpret.Components;

/// <summary>A long passage's heatmap starts with the answer and a few tokens around it (the part a reader's saliency is
/// usually about); the rest is one click away. Only for a reader's answer span: other span labels (entities) live in
/// sentences short enough to show whole.</summary>
public static class AnswerNeighbourhood
{
    /// <summary>Fields with more tokens than this start cut to the answer's neighbourhood.</summary>
    public const int LongField = 80;

    /// <summary>Tokens shown on each side of the answer.</summary>
    public const int Context = 25;

    /// <summary>The cells [From, To) to show first, or null when the row is shown whole.</summary>
    public static (int From, int To)? Window(SaliencyRow row, string labelKind)
    {
        if (labelKind != EntityText.AnswerSpanKind || row.Cells.Count <= LongField) return null;
        int first = -1, last = -1;
        for (int i = 0; i < row.Cells.Count; i++)
            if (row.Cells[i].InLabelSpan)
            {
                if (first < 0) first = i;
                last = i;
            }
        if (first < 0) return null;
        int from = Math.Max(0, first - Context), to = Math.Min(row.Cells.Count, last + 1 + Context);
        return from == 0 && to == row.Cells.Count ? null : (from, to);
    }
}
