using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Interpret.Core.ReadingComprehension;

/// <summary>
/// Exact match and F1 exactly as the official SQuAD v1.1 evaluation script defines them: both strings are
/// normalised (lower-cased, ASCII punctuation removed, the articles a/an/the removed as words, white space collapsed);
/// EM is 1 when the normalised strings are equal; F1 is the harmonic mean of precision and recall over the bags of
/// normalised words (0 when nothing is shared); each takes the maximum over the reference answers.
/// </summary>
public static partial class SquadScore
{
    public static double ExactMatch(string prediction, IEnumerable<string> references) =>
        references.Max(r => Normalize(prediction) == Normalize(r) ? 1.0 : 0.0);

    public static double F1(string prediction, IEnumerable<string> references) =>
        references.Max(r => F1(prediction, r));

    public static double F1(string prediction, string reference)
    {
        var predicted = Words(prediction);
        var gold = Words(reference);
        var counts = gold.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        int same = 0;
        foreach (var w in predicted)
            if (counts.TryGetValue(w, out int c) && c > 0) { same++; counts[w] = c - 1; }
        if (same == 0) return 0;
        double precision = (double)same / predicted.Length, recall = (double)same / gold.Length;
        return 2 * precision * recall / (precision + recall);
    }

    static string[] Words(string text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The script's normalize_answer: lower → drop string.punctuation → \b(a|an|the)\b → ' ' → join split().</summary>
    public static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant();
        var kept = new StringBuilder(lower.Length);
        foreach (var c in lower)
            if (!(c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)))) kept.Append(c);
        var withoutArticles = Articles().Replace(kept.ToString(), " ");
        return string.Join(' ', withoutArticles.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"\b(a|an|the)\b")]
    private static partial Regex Articles();

    /// <summary>Averages over questions, as percentages like the script prints.</summary>
    public sealed class Totals
    {
        double _em, _f1;
        public int Count { get; private set; }

        public void Add(string prediction, IReadOnlyList<string> references)
        {
            _em += ExactMatch(prediction, references);
            _f1 += F1(prediction, references);
            Count++;
        }

        public double ExactMatch => Count == 0 ? 0 : 100 * _em / Count;
        public double F1 => Count == 0 ? 0 : 100 * _f1 / Count;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"EM {ExactMatch:F2}, F1 {F1:F2} over {Count:N0} questions");
    }
}
