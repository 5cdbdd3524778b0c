using Interpret.Core.Coreference;

namespace Interpret.Core.Tests.Coreference;

/// <summary>MUC, B³, CEAFφ4 and CoNLL F1 on clusterings small enough to score by hand, including the worked examples
/// of Vilain et al. (1995) and Luo (2005), singletons and empty predictions.</summary>
public class CorefMetricTests
{
    /// <summary>Clusters of one-token mentions: each string lists token positions, e.g. "0 1 2".</summary>
    static List<IReadOnlyList<MentionSpan>> C(params string[] clusters) =>
        clusters.Select(c => (IReadOnlyList<MentionSpan>)c.Split(' ').Select(int.Parse).Select(p => new MentionSpan(p, p + 1)).ToList()).ToList();

    const double Tolerance = 1e-12;

    [Fact]
    public void MucPaperExampleTwoLinksOfThree()
    {
        // Vilain et al. 1995: key {A B C D}, response {A B} {C D}: recall (4 − 2) / (4 − 1) = 2/3, precision (1 + 1) / (1 + 1) = 1.
        var muc = MucScore.Of(C("0 1 2 3"), C("0 1", "2 3"));
        Assert.Equal(2.0 / 3, muc.Recall, Tolerance);
        Assert.Equal(1.0, muc.Precision, Tolerance);
        Assert.Equal(0.8, muc.F1, Tolerance);
    }

    // Luo (2005), Figure 1: key {1…5} {6 7} {8 9 A B C} (here 0-based 0–11) and four responses.
    static readonly List<IReadOnlyList<MentionSpan>> LuoKey = C("0 1 2 3 4", "5 6", "7 8 9 10 11");

    static List<IReadOnlyList<MentionSpan>> LuoResponse(string which) => which switch
    {
        "a" => C("0 1 2 3 4", "5 6 7 8 9 10 11"),
        "b" => C("0 1 2 3 4 7 8 9 10 11", "5 6"),
        "c" => C("0 1 2 3 4 5 6 7 8 9 10 11"),
        _ => C("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"),
    };

    [Fact]
    public void LuoExamplesByHand()
    {
        // (a) MUC: recall (4 + 1 + 4) / 9 = 1, precision (4 + (7 − 2)) / (4 + 6) = 0.9, F = 18/19 ≈ .947.
        var a = LuoResponse("a");
        Assert.Equal(18.0 / 19, MucScore.Of(LuoKey, a).F1, Tolerance);
        // B³: recall 1; precision (5 + 2·2/7 + 5·5/7) / 12 = 64/84; F ≈ .865.
        var b3 = BCubedScore.Of(LuoKey, a);
        Assert.Equal(1.0, b3.Recall, Tolerance);
        Assert.Equal(64.0 / 84, b3.Precision, Tolerance);
        Assert.Equal(0.865, b3.F1, 3);
        // CEAFφ4: best alignment {1…5}↔R1 (φ4 = 1) and {8…C}↔R2 (2·5/12); Σ = 11/6; recall 11/18, precision 11/12.
        var ceaf = CeafeScore.Of(LuoKey, a);
        Assert.Equal(11.0 / 18, ceaf.Recall, Tolerance);
        Assert.Equal(11.0 / 12, ceaf.Precision, Tolerance);

        // (b) B³ precision: 10 mentions × 5/10 + 2 × 1 = 7 of 12; recall 1; F ≈ .737.
        var bb = BCubedScore.Of(LuoKey, LuoResponse("b"));
        Assert.Equal(7.0 / 12, bb.Precision, Tolerance);
        Assert.Equal(0.737, bb.F1, 3);
        Assert.Equal(18.0 / 19, MucScore.Of(LuoKey, LuoResponse("b")).F1, Tolerance);

        // (c) one cluster: MUC recall 1, precision 9/11, F = .900; B³ precision (25 + 4 + 25)/12/12 = 54/144, F ≈ .545.
        var c = LuoResponse("c");
        Assert.Equal(0.9, MucScore.Of(LuoKey, c).F1, Tolerance);
        Assert.Equal(54.0 / 144, BCubedScore.Of(LuoKey, c).Precision, Tolerance);
        Assert.Equal(0.545, BCubedScore.Of(LuoKey, c).F1, 3);

        // (d) all singletons: no links (MUC 0), B³ precision 1, recall (1/5·10 + 1/2·2)/12 = 3/12, F = .400.
        var d = LuoResponse("d");
        Assert.Equal(0, MucScore.Of(LuoKey, d).F1);
        Assert.Equal(3.0 / 12, BCubedScore.Of(LuoKey, d).Recall, Tolerance);
        Assert.Equal(0.4, BCubedScore.Of(LuoKey, d).F1, Tolerance);
    }

    [Fact]
    public void PerfectPredictionScoresOneEverywhere()
    {
        var evaluator = new CorefEvaluator();
        evaluator.Add(LuoKey, LuoKey);
        Assert.All(new[] { evaluator.Muc, evaluator.BCubed, evaluator.Ceafe }, m => Assert.Equal(1.0, m.F1, Tolerance));
        Assert.Equal(1.0, evaluator.ConllF1, Tolerance);
    }

    [Fact]
    public void EmptyPredictionScoresZeroWithoutDividingByZero()
    {
        var evaluator = new CorefEvaluator();
        evaluator.Add(LuoKey, []);
        Assert.Equal(0, evaluator.ConllF1);
        Assert.Equal(0, evaluator.Muc.Precision);
        Assert.Equal(0, evaluator.Ceafe.Recall);
        var empty = new CorefEvaluator();
        empty.Add([], []);
        Assert.Equal(0, empty.ConllF1);
    }

    [Fact]
    public void SingletonsCountForBCubedAndCeafButNotMuc()
    {
        // Key: {0 1} and the singleton {2}; the response finds {0 1} only.
        var key = C("0 1", "2");
        var response = C("0 1");
        Assert.Equal(1.0, MucScore.Of(key, response).F1, Tolerance);
        var b3 = BCubedScore.Of(key, response);
        Assert.Equal(2.0 / 3, b3.Recall, Tolerance);
        Assert.Equal(1.0, b3.Precision, Tolerance);
        var ceaf = CeafeScore.Of(key, response);
        Assert.Equal(0.5, ceaf.Recall, Tolerance);
        Assert.Equal(1.0, ceaf.Precision, Tolerance);
        // A wrong singleton in the response costs precision only.
        var extra = BCubedScore.Of(key, C("0 1", "2", "3"));
        Assert.Equal(1.0, extra.Recall, Tolerance);
        Assert.Equal(3.0 / 4, extra.Precision, Tolerance);
    }

    [Fact]
    public void ScoresAddUpOverDocumentsBeforeDividing()
    {
        var evaluator = new CorefEvaluator();
        evaluator.Add(C("0 1 2 3"), C("0 1", "2 3")); // MUC recall 2/3
        evaluator.Add(C("0 1"), C("0 1"));           // MUC recall 1/1
        Assert.Equal(3.0 / 4, evaluator.Muc.Recall, Tolerance); // (2 + 1) / (3 + 1), not the mean of 2/3 and 1
        Assert.Equal(2, evaluator.Documents);
    }

    [Fact]
    public void AssignmentMatchesBruteForce()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            int rows = random.Next(1, 5), columns = random.Next(1, 5);
            var w = new double[rows, columns];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++) w[r, c] = random.NextDouble();
            Assert.Equal(BruteForce(w, 0, new bool[columns]), Assignment.MaximumWeight(w), 1e-12);
        }
    }

    static double BruteForce(double[,] w, int row, bool[] used)
    {
        if (row == w.GetLength(0)) return 0;
        double best = BruteForce(w, row + 1, used); // the row unmatched
        for (int c = 0; c < w.GetLength(1); c++)
        {
            if (used[c]) continue;
            used[c] = true;
            best = Math.Max(best, w[row, c] + BruteForce(w, row + 1, used));
            used[c] = false;
        }
        return best;
    }
}
