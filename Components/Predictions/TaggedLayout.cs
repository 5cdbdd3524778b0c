using Interpret.Results;

namespace Interpret.Components;

/// <summary>A tagger's prediction laid out for display: the field's tokens in order, entity spans grouped.</summary>
public sealed record TaggedLayout(string Field, IReadOnlyList<TaggedSegment> Segments, int EntityCount)
{
    /// <summary>Lays out <paramref name="field"/> (default: the entities' field, else the field the tags fit, else the
    /// first). Missing tags read "O". An entity that points elsewhere or overlaps an earlier one gets no chip.</summary>
    public static TaggedLayout? Build(Prediction? prediction, string? field = null)
    {
        if (prediction is null || prediction.Fields.Count == 0) return null;
        var tags = prediction.Tags ?? [];
        var entities = prediction.Entities ?? [];
        var chosen = prediction.Fields.FirstOrDefault(f => f.Name == field)
            ?? prediction.Fields.FirstOrDefault(f => entities.Any(e => e.Field == f.Name))
            ?? prediction.Fields.FirstOrDefault(f => f.Tokens.Count == tags.Count)
            ?? prediction.Fields[0];
        var tokens = chosen.Tokens.Select((t, i) => new TaggedToken(i, t.Text, i < tags.Count ? tags[i] : "O", SpaceBefore(chosen.Tokens, i))).ToList();

        // Entity index by its first token; probabilities are per entity, in the same order.
        var starts = new Dictionary<int, int>();
        var covered = new bool[tokens.Count];
        for (var e = 0; e < entities.Count; e++)
        {
            var label = entities[e];
            if (label.Field != chosen.Name || label.Start is not int s || label.End is not int end) continue;
            if (s < 0 || end > tokens.Count || end <= s || covered.AsSpan(s, end - s).Contains(true)) continue;
            covered.AsSpan(s, end - s).Fill(true);
            starts[s] = e;
        }
        var probabilities = prediction.Probabilities.Count == entities.Count ? prediction.Probabilities : null;

        var segments = new List<TaggedSegment>();
        for (var i = 0; i < tokens.Count;)
        {
            if (starts.TryGetValue(i, out var e))
            {
                var label = entities[e];
                segments.Add(new TaggedSegment(tokens[i..label.End!.Value], e, label, probabilities?[e].Probability));
                i = label.End.Value;
            }
            else
            {
                segments.Add(new TaggedSegment([tokens[i]]));
                i++;
            }
        }
        return new TaggedLayout(chosen.Name, segments, starts.Count);
    }

    /// <summary>A space where the typed text has whitespace before the token (none at the start or where tokens touch,
    /// as in "Seattle."); a space around tokens with no place in the text.</summary>
    static string SpaceBefore(IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0) return "";
        var (before, token) = (tokens[i - 1], tokens[i]);
        if (before.End < 0 || token.Start < 0) return " ";
        return token.Start > before.End ? " " : "";
    }
}
