namespace Interpret.Results;

/// <summary>How word-level scores are made from a word's pieces.</summary>
public enum WordAggregation { Sum, Mean }

/// <summary>
/// Word-level saliency from WordPiece-level saliency: a piece whose text starts with "##" joins the word before it
/// (when both are in the typed text); the word's text is the typed text it covers (so "Ångström" reads as typed), its
/// raw score the sum or mean of its pieces' raw scores, and normalised scores are recomputed the seed's way
/// (|raw| / Σ|raw| over the field). Tokens that are not in the typed text ([CLS], [SEP]) stay words of their own.
/// Fields without "##" pieces come back unchanged.
/// </summary>
public static class WordScores
{
    public const string ContinuationPrefix = "##";

    /// <summary>The word index of each piece.</summary>
    public static int[] WordIndices(IReadOnlyList<Token> tokens)
    {
        var words = new int[tokens.Count];
        int word = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool joins = i > 0 && tokens[i].Text.StartsWith(ContinuationPrefix, StringComparison.Ordinal) && tokens[i].Start >= 0 && tokens[i - 1].Start >= 0;
            if (!joins) word++;
            words[i] = word;
        }
        return words;
    }

    public static FieldScores Aggregate(FieldScores field, WordAggregation aggregation)
    {
        if (!field.Tokens.Any(t => t.Text.StartsWith(ContinuationPrefix, StringComparison.Ordinal))) return field;
        var words = WordIndices(field.Tokens);
        int count = words.Length == 0 ? 0 : words[^1] + 1;
        var tokens = new Token[count];
        var raw = new double[count];
        var pieces = new int[count];
        for (int i = 0; i < words.Length; i++)
        {
            int w = words[i];
            var token = field.Tokens[i];
            tokens[w] = pieces[w] == 0 ? token : tokens[w] with { End = Math.Max(tokens[w].End, token.End) };
            raw[w] += field.Raw[i];
            pieces[w]++;
        }
        for (int w = 0; w < count; w++)
        {
            if (aggregation == WordAggregation.Mean) raw[w] /= pieces[w];
            if (pieces[w] > 1) tokens[w] = tokens[w] with { Text = field.Text[tokens[w].Start..tokens[w].End] };
        }
        double total = raw.Sum(Math.Abs);
        return field with { Tokens = tokens, Raw = raw, Normalized = raw.Select(r => total == 0 ? 0 : Math.Abs(r) / total).ToList() };
    }
}
