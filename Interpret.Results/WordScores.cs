namespace Interpret.Results;

/// <summary>How word-level scores are made from a word's pieces.</summary>
public enum WordAggregation { Sum, Mean }

/// <summary>
/// Word-level saliency from WordPiece-level saliency: a piece whose text starts with "##" joins the word before it;
/// the word's text is the typed text it covers (so "Ångström" reads as typed), its raw score the sum or mean of its
/// pieces' raw scores, and normalised scores are recomputed the seed's way (|raw| / Σ|raw| over the field). Tokens that
/// are not in the typed text ([CLS], [SEP]) stay words of their own. Fields without "##" pieces come back unchanged.
/// </summary>
public static class WordScores
{
    public const string ContinuationPrefix = "##";

    public static FieldScores Aggregate(FieldScores field, WordAggregation aggregation)
    {
        if (!field.Tokens.Any(t => t.Text.StartsWith(ContinuationPrefix, StringComparison.Ordinal))) return field;
        var tokens = new List<Token>();
        var raw = new List<double>();
        var groups = new List<int>();
        for (int i = 0; i < field.Tokens.Count; i++)
        {
            var token = field.Tokens[i];
            bool joins = i > 0 && token.Text.StartsWith(ContinuationPrefix, StringComparison.Ordinal) && token.Start >= 0 && tokens[^1].Start >= 0;
            if (joins)
            {
                tokens[^1] = tokens[^1] with { End = Math.Max(tokens[^1].End, token.End) };
                raw[^1] += field.Raw[i];
                groups[^1]++;
            }
            else
            {
                tokens.Add(token);
                raw.Add(field.Raw[i]);
                groups.Add(1);
            }
        }
        for (int w = 0; w < tokens.Count; w++)
        {
            if (aggregation == WordAggregation.Mean) raw[w] /= groups[w];
            if (groups[w] > 1) tokens[w] = tokens[w] with { Text = field.Text[tokens[w].Start..tokens[w].End] };
        }
        double total = raw.Sum(Math.Abs);
        var normalized = raw.Select(r => total == 0 ? 0 : Math.Abs(r) / total).ToList();
        return field with { Tokens = tokens, Raw = raw, Normalized = normalized };
    }
}
