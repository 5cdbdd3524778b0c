using Interpret.Results;

namespace Interpret.Components;

/// <summary>An interpreted instance at a chosen granularity: each field through <see cref="WordScores.Aggregate"/>, the
/// label's token span moved to word indices (so an entity or a mask still marks its word), and normalised scores
/// recomputed over all fields (|raw| / Σ|raw|), since WordScores normalises each field alone.</summary>
public static class WordLevel
{
    public static bool HasPieces(InterpretedInstance instance) =>
        instance.Fields.Any(f => f.Tokens.Any(t => t.Text.StartsWith(WordScores.ContinuationPrefix, StringComparison.Ordinal)));

    public static InterpretedInstance Apply(InterpretedInstance instance, SaliencyGranularity granularity)
    {
        if (granularity == SaliencyGranularity.Pieces || !HasPieces(instance)) return instance;
        var aggregation = granularity == SaliencyGranularity.WordsMean ? WordAggregation.Mean : WordAggregation.Sum;
        var fields = instance.Fields.Select(f => WordScores.Aggregate(f, aggregation)).ToList();
        var total = fields.SelectMany(f => f.Raw).Where(double.IsFinite).Sum(Math.Abs);
        fields = fields.Select(f => f with { Normalized = f.Raw.Select(r => total > 0 && double.IsFinite(r) ? Math.Abs(r) / total : 0).ToList() }).ToList();
        return instance with { Fields = fields, Label = MoveSpan(instance.Label, instance.Fields) };
    }

    /// <summary>The label's [Start, End) piece span as the span of the words holding those pieces.</summary>
    static InstanceLabel MoveSpan(InstanceLabel label, IReadOnlyList<FieldScores> fields)
    {
        if (label.Start is not int start || fields.FirstOrDefault(f => f.Name == label.Field) is not { } field) return label;
        var words = WordScores.WordIndices(field.Tokens);
        if (start < 0 || start >= words.Length) return label;
        var end = label.End is int e && e > start && e <= words.Length ? words[e - 1] + 1 : (int?)null;
        return label with { Start = words[start], End = label.End is null ? null : end ?? words[start] + 1 };
    }
}
