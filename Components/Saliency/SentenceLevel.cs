using Interpret.Results;

namespace Interpret.Components;

/// <summary>An interpreted instance with each field's tokens grouped into sentences and their raw scores summed (a long
/// passage read at a glance: which sentence carries the answer's evidence). A sentence ends after a ".", "!" or "?"
/// token; a token outside the text as typed ([CLS], [SEP]) stays a unit of its own. The label's span moves to the
/// sentences holding it; normalised scores are recomputed over all fields (|raw| / Σ|raw|).</summary>
public static class SentenceLevel
{
    /// <summary>True when some field has two sentences or more (otherwise the view would change nothing).</summary>
    public static bool HasSentences(InterpretedInstance instance) =>
        instance.Fields.Any(f => Units(f.Tokens).Distinct().Count(u => u >= 0) > 1);

    public static InterpretedInstance Apply(InterpretedInstance instance)
    {
        var grouped = instance.Fields.Select(Group).ToList();
        var fields = grouped.Select(g => g.Field).ToList();
        var total = fields.SelectMany(f => f.Raw).Where(double.IsFinite).Sum(Math.Abs);
        fields = fields.Select(f => f with { Normalized = f.Raw.Select(r => total > 0 && double.IsFinite(r) ? Math.Abs(r) / total : 0).ToList() }).ToList();
        var label = instance.Label;
        if (label.Start is int start && grouped.FirstOrDefault(g => g.Field.Name == label.Field) is { Field: not null } owner
            && start >= 0 && start < owner.UnitOf.Length)
        {
            int last = label.End is int end && end > start && end <= owner.UnitOf.Length ? end - 1 : start;
            label = label with { Start = owner.UnitOf[start], End = label.End is null ? null : owner.UnitOf[last] + 1 };
        }
        return instance with { Fields = fields, Label = label };
    }

    static (FieldScores Field, int[] UnitOf) Group(FieldScores field)
    {
        var sentence = Units(field.Tokens);
        var unitOf = new int[field.Tokens.Count];
        var tokens = new List<Token>();
        var raw = new List<double>();
        for (int i = 0; i < field.Tokens.Count; i++)
        {
            bool opens = i == 0 || sentence[i] != sentence[i - 1] || sentence[i] < 0;
            var token = field.Tokens[i];
            double score = i < field.Raw.Count && double.IsFinite(field.Raw[i]) ? field.Raw[i] : 0;
            if (opens)
            {
                tokens.Add(token);
                raw.Add(score);
            }
            else
            {
                var first = tokens[^1];
                tokens[^1] = new Token(field.Text[first.Start..token.End], first.Start, token.End);
                raw[^1] += score;
            }
            unitOf[i] = tokens.Count - 1;
        }
        return (field with { Tokens = tokens, Raw = raw, Normalized = raw.Select(_ => 0.0).ToList() }, unitOf);
    }

    /// <summary>Per token, the index of its sentence, or -1 for a token outside the text as typed.</summary>
    static int[] Units(IReadOnlyList<Token> tokens)
    {
        var units = new int[tokens.Count];
        int sentence = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start < 0) { units[i] = -1; continue; }
            units[i] = sentence;
            if (tokens[i].Text is "." or "!" or "?") sentence++;
        }
        return units;
    }
}
