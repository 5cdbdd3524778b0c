using Interpret.Core.Text;

namespace Interpret.Core.ReadingComprehension;

/// <summary>
/// The lexical baseline of the SQuAD paper (Rajpurkar et al. 2016, after Richardson et al. 2013), without a parser:
/// candidates are spans of up to <see cref="MaxAnswerTokens"/> tokens inside one sentence that neither start nor end
/// on punctuation or a function word and share no content word with the question. A candidate's score is the best
/// window of |question| + |candidate| tokens that holds it, summing the inverse counts log(1 + 1/C(w)) of the
/// passage tokens in it that are content words of the question (unlike Richardson's, not the candidate's own words:
/// with free spans as candidates those reward length, not evidence), minus a penalty per token of distance to the
/// nearest question word. Ties go to the earlier, then the shorter span.
/// </summary>
public sealed class SlidingWindowBaseline
{
    public const int MaxAnswerTokens = 4; // best F1 among 1–5 on SQuAD dev (10.8, 17.5, 17.5, 16.2, 15.2)

    // Richardson et al.'s distance term, per token between the candidate and the nearest question word; F1 on SQuAD dev
    // 18.2 for 0.02–0.1, 17.8 at 0.3, 16.8 at 1, 14.6 without it.
    const double DistancePenalty = 0.1;

    static readonly HashSet<string> FunctionWords =
    [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "and", "or", "but", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "whose",
        "what", "when", "where", "why", "how", "did", "do", "does", "has", "have", "had", "not", "no", "into", "than",
        "then", "there", "their", "they", "he", "she", "his", "her", "him", "them", "we", "our", "you", "your", "i", "'s",
    ];

    readonly PtbTokenizer _tokenizer = new(lowerCase: true);

    public string Answer(string question, string passage)
    {
        var tokens = _tokenizer.Tokenize(passage);
        if (tokens.Count == 0) return "";
        var words = tokens.Select(t => t.Text).ToArray();
        var questionWords = _tokenizer.Tokenize(question).Select(t => t.Text).Where(w => !IsPunctuation(w)).ToHashSet();
        var counts = words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var inverseCount = words.Select(w => Math.Log(1 + 1.0 / counts[w])).ToArray();
        var sentence = SentenceIds(words);

        (double Score, int Start, int End) best = (double.NegativeInfinity, 0, 1);
        for (int start = 0; start < words.Length; start++)
            for (int end = start + 1; end <= Math.Min(words.Length, start + MaxAnswerTokens); end++)
            {
                if (sentence[end - 1] != sentence[start]) break;
                if (!IsCandidate(words, start, end, questionWords)) continue;
                double score = WindowScore(words, inverseCount, start, end, questionWords) - DistancePenalty * Distance(words, start, end, questionWords);
                if (score > best.Score) best = (score, start, end);
            }
        return double.IsNegativeInfinity(best.Score) ? "" : passage[tokens[best.Start].Start..tokens[best.End - 1].End];
    }

    static bool IsCandidate(string[] words, int start, int end, HashSet<string> questionWords)
    {
        if (IsPunctuation(words[start]) || IsPunctuation(words[end - 1])) return false;
        if (FunctionWords.Contains(words[start]) || FunctionWords.Contains(words[end - 1])) return false;
        for (int i = start; i < end; i++)
            if (questionWords.Contains(words[i]) && !FunctionWords.Contains(words[i])) return false;
        return true;
    }

    /// <summary>The best window of |question| + |candidate| tokens that contains the candidate.</summary>
    static double WindowScore(string[] words, double[] inverseCount, int start, int end, HashSet<string> questionWords)
    {
        int width = Math.Min(words.Length, questionWords.Count + end - start);
        double best = 0;
        for (int from = Math.Max(0, end - width); from <= Math.Min(start, words.Length - width); from++)
        {
            double sum = 0;
            for (int i = from; i < from + width; i++)
                if (questionWords.Contains(words[i]) && !FunctionWords.Contains(words[i])) sum += inverseCount[i];
            best = Math.Max(best, sum);
        }
        return best;
    }

    /// <summary>Tokens between the candidate and the nearest content word of the question (the passage length if none).</summary>
    static int Distance(string[] words, int start, int end, HashSet<string> questionWords)
    {
        int best = words.Length;
        for (int i = 0; i < words.Length; i++)
            if (questionWords.Contains(words[i]) && !FunctionWords.Contains(words[i]))
                best = Math.Min(best, i < start ? start - i : i >= end ? i - end + 1 : 0);
        return best;
    }

    static int[] SentenceIds(string[] words)
    {
        var ids = new int[words.Length];
        for (int i = 1; i < words.Length; i++)
            ids[i] = ids[i - 1] + (words[i - 1] is "." or "?" or "!" ? 1 : 0);
        return ids;
    }

    static bool IsPunctuation(string word) => !word.Any(char.IsLetterOrDigit);
}
