namespace Interpret.Core.Tagging;

/// <summary>
/// Span-level precision, recall and F1 exactly as the CoNLL <c>conlleval</c> script computes them: sentences are
/// read as one stream with an "O" boundary between them; a gold or guessed chunk starts and ends by conlleval's
/// rules (<see cref="BioTags"/>), so gold and guesses may use different IOB variants (e.g. IOB1 gold, BIO guesses);
/// a guessed chunk is correct when it starts and ends where a gold chunk does, with the same type. Precision =
/// correct / guessed chunks, recall = correct / gold chunks, F1 = 2PR / (P + R), each 0 when undefined; overall and per
/// type. Token accuracy counts tags equal in prefix and type. Values are fractions (conlleval prints percentages).
/// </summary>
public sealed class ConllEval
{
    readonly Dictionary<string, int> _correct = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _gold = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _guessed = new(StringComparer.Ordinal);
    int _tokens, _correctTags;

    public int GoldChunks => _gold.Values.Sum();
    public int GuessedChunks => _guessed.Values.Sum();
    public int CorrectChunks => _correct.Values.Sum();
    public int Tokens => _tokens;

    /// <summary>Adds one sentence: gold tags and guessed tags, one per token.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> guessed)
    {
        if (gold.Count != guessed.Count)
            throw new ArgumentException($"A sentence has {gold.Count} gold tags but {guessed.Count} guessed tags.");
        // The state of conlleval's loop; a sentence boundary is an "O" line for both columns.
        string lastGold = "O", lastGoldType = "", lastGuess = "O", lastGuessType = "";
        bool inCorrect = false;
        for (int t = 0; t <= gold.Count; t++)
        {
            bool boundary = t == gold.Count;
            var (goldPrefix, goldType) = boundary ? ("O", "") : BioTags.Split(gold[t]);
            var (guessPrefix, guessType) = boundary ? ("O", "") : BioTags.Split(guessed[t]);
            bool goldEnds = BioTags.EndsChunk(lastGold, goldPrefix, lastGoldType, goldType);
            bool guessEnds = BioTags.EndsChunk(lastGuess, guessPrefix, lastGuessType, guessType);
            if (inCorrect)
            {
                if (goldEnds && guessEnds && lastGuessType == lastGoldType)
                {
                    inCorrect = false;
                    Increment(_correct, lastGoldType);
                }
                else if (goldEnds != guessEnds || guessType != goldType) inCorrect = false;
            }
            bool goldStarts = BioTags.StartsChunk(lastGold, goldPrefix, lastGoldType, goldType);
            bool guessStarts = BioTags.StartsChunk(lastGuess, guessPrefix, lastGuessType, guessType);
            if (goldStarts && guessStarts && guessType == goldType) inCorrect = true;
            if (goldStarts) Increment(_gold, goldType);
            if (guessStarts) Increment(_guessed, guessType);
            if (!boundary)
            {
                if (goldPrefix == guessPrefix && goldType == guessType) _correctTags++;
                _tokens++;
            }
            (lastGold, lastGoldType, lastGuess, lastGuessType) = (goldPrefix, goldType, guessPrefix, guessType);
        }
        // After the boundary both columns are "O", so an open correct chunk was closed above.
    }

    static void Increment(Dictionary<string, int> counts, string type) => counts[type] = counts.GetValueOrDefault(type) + 1;

    public sealed record Score(double Precision, double Recall, double F1, int Gold, int Guessed, int Correct);

    public Score Overall => Of(CorrectChunks, GuessedChunks, GoldChunks);

    public double Accuracy => _tokens == 0 ? 0 : (double)_correctTags / _tokens;

    /// <summary>Every type seen in gold or guesses, sorted by ordinal order as conlleval sorts them.</summary>
    public IReadOnlyList<string> Types => _gold.Keys.Union(_guessed.Keys).Where(t => t.Length > 0).Order(StringComparer.Ordinal).ToList();

    public Score For(string type) => Of(_correct.GetValueOrDefault(type), _guessed.GetValueOrDefault(type), _gold.GetValueOrDefault(type));

    static Score Of(int correct, int guessed, int gold)
    {
        double precision = guessed > 0 ? (double)correct / guessed : 0;
        double recall = gold > 0 ? (double)correct / gold : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new Score(precision, recall, f1, gold, guessed, correct);
    }

    /// <summary>The metrics as the manifest records them (fractions rounded to 4 digits): f1, precision, recall,
    /// accuracy, then f1-/precision-/recall-&lt;type&gt; per type.</summary>
    public Dictionary<string, double> Metrics()
    {
        var overall = Overall;
        var metrics = new Dictionary<string, double>
        {
            ["f1"] = Math.Round(overall.F1, 4),
            ["precision"] = Math.Round(overall.Precision, 4),
            ["recall"] = Math.Round(overall.Recall, 4),
            ["accuracy"] = Math.Round(Accuracy, 4),
        };
        foreach (var type in Types)
        {
            var score = For(type);
            metrics[$"f1-{type}"] = Math.Round(score.F1, 4);
            metrics[$"precision-{type}"] = Math.Round(score.Precision, 4);
            metrics[$"recall-{type}"] = Math.Round(score.Recall, 4);
        }
        return metrics;
    }
}
