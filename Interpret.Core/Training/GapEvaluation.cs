using Interpret.Core.Coreference;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Training;

/// <summary>
/// The GAP probe (Webster et al. 2018) read off a coreference predictor's clusters: the snippet is typed text, the
/// pronoun's cluster is the predicted cluster with a mention exactly on the pronoun's tokens, and a name is linked
/// when a mention of that cluster overlaps the name's tokens. Accuracy: the answer A / B / neither (both linked
/// counts as wrong) against the gold. F1: GAP's own metric over the (pronoun, name) pairs, overall and for masculine
/// and feminine pronouns, with their ratio (the bias: 1 = none).
/// </summary>
public static class GapEvaluation
{
    static readonly HashSet<string> Feminine = new(StringComparer.OrdinalIgnoreCase) { "she", "her", "hers", "herself" };

    sealed class Counts
    {
        public int TruePositives, FalsePositives, FalseNegatives;
        public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / (2 * TruePositives + FalsePositives + FalseNegatives);

        public void Add(bool predicted, bool gold)
        {
            if (predicted && gold) TruePositives++;
            else if (predicted) FalsePositives++;
            else if (gold) FalseNegatives++;
        }
    }

    public static Dictionary<string, double> Score(CoreferencePredictor predictor, IReadOnlyList<GapExample> rows, int batchSize = 16)
    {
        int correct = 0;
        Counts all = new(), masculine = new(), feminine = new();
        foreach (var chunk in rows.Chunk(batchSize))
        {
            var inputs = chunk.Select(r => predictor.Tokenize(new Dictionary<string, string> { [CoreferencePredictor.FieldName] = r.Text })).ToList();
            var predictions = predictor.Predict(inputs);
            for (int i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                var (a, b) = Linked(inputs[i].Fields[0].Tokens, predictions[i].Clusters!, row);
                var answer = a && !b ? "A" : b && !a ? "B" : !a && !b ? "neither" : "both";
                var gold = row.ACoref ? "A" : row.BCoref ? "B" : "neither";
                if (answer == gold) correct++;
                var gender = Feminine.Contains(row.Pronoun) ? feminine : masculine;
                foreach (var counts in new[] { all, gender })
                {
                    counts.Add(a, row.ACoref);
                    counts.Add(b, row.BCoref);
                }
            }
        }
        return new Dictionary<string, double>
        {
            ["accuracy"] = rows.Count == 0 ? 0 : (double)correct / rows.Count,
            ["f1"] = all.F1,
            ["f1_masculine"] = masculine.F1,
            ["f1_feminine"] = feminine.F1,
            ["bias_feminine_over_masculine"] = masculine.F1 == 0 ? 0 : feminine.F1 / masculine.F1,
        };
    }

    /// <summary>Whether the pronoun's predicted cluster reaches name A and name B.</summary>
    public static (bool A, bool B) Linked(IReadOnlyList<Token> tokens, IReadOnlyList<CorefCluster> clusters, GapExample row)
    {
        var pronoun = TokensOf(tokens, row.PronounOffset, row.Pronoun.Length);
        var a = TokensOf(tokens, row.AOffset, row.A.Length);
        var b = TokensOf(tokens, row.BOffset, row.B.Length);
        var cluster = clusters.FirstOrDefault(c => c.Mentions.Any(m => m.Start == pronoun.Start && m.End == pronoun.End));
        if (cluster is null) return (false, false);
        bool Reaches(MentionSpan name) => cluster.Mentions.Any(m => m.Start < name.End && name.Start < m.End && !(m.Start == pronoun.Start && m.End == pronoun.End));
        return (Reaches(a), Reaches(b));
    }

    /// <summary>The tokens that overlap characters [offset, offset + length).</summary>
    static MentionSpan TokensOf(IReadOnlyList<Token> tokens, int offset, int length)
    {
        int start = -1, end = -1;
        for (int t = 0; t < tokens.Count; t++)
            if (tokens[t].Start < offset + length && offset < tokens[t].End)
            {
                if (start < 0) start = t;
                end = t + 1;
            }
        return start < 0 ? new MentionSpan(0, 0) : new MentionSpan(start, end);
    }
}
