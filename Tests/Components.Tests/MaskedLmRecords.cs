using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>Hand-built masked-LM and transformer records: WordPiece tokens with offsets into the typed text, [CLS] and
/// [SEP] outside it, as the BERT predictor gives them.</summary>
internal static class MaskedLmRecords
{
    /// <summary>[CLS], the pieces found in order in <paramref name="text"/> (case-insensitive, "##" not typed), [SEP].</summary>
    public static IReadOnlyList<Token> Pieces(string text, params string[] pieces)
    {
        var tokens = new List<Token> { Token.Inserted("[CLS]") };
        var at = 0;
        foreach (var piece in pieces)
        {
            var typed = piece.StartsWith("##", StringComparison.Ordinal) ? piece[2..] : piece;
            var start = text.IndexOf(typed, at, StringComparison.OrdinalIgnoreCase);
            Assert.True(start >= 0, $"'{typed}' not in '{text}' after {at}");
            tokens.Add(new Token(piece, start, start + typed.Length));
            at = start + typed.Length;
        }
        tokens.Add(Token.Inserted("[SEP]"));
        return tokens;
    }

    static MaskPrediction Mask(int position, params (string Word, double P)[] top) =>
        new("text", position, top.Select(t => new LabelProbability(t.Word, t.P)).ToList());

    static Prediction MaskedLm(string text, IReadOnlyList<Token> tokens, params MaskPrediction[] masks) =>
        new("bert-mlm", string.Join(" · ", masks.Select(m => m.Top[0].Label)),
            masks.Select(m => m.Top[0]).ToList(), [new Field("text", text, tokens)], Masks: masks);

    /// <summary>"The nurse said [MASK] was tired." with ten guesses for the one mask (token 4).</summary>
    public static Prediction OneMask()
    {
        const string text = "The nurse said [MASK] was tired.";
        return MaskedLm(text, Pieces(text, "the", "nurse", "said", "[MASK]", "was", "tired", "."),
            Mask(4, ("she", 0.62), ("he", 0.21), ("it", 0.05), ("they", 0.04), ("i", 0.03), ("nobody", 0.01),
                ("everyone", 0.008), ("someone", 0.006), ("we", 0.004), ("you", 0.002)));
    }

    /// <summary>"Unbelievably, [MASK] met [MASK] today." (un ##bel ##ievably): masks at tokens 5 and 7.</summary>
    public static Prediction TwoMasks()
    {
        const string text = "Unbelievably, [MASK] met [MASK] today.";
        return MaskedLm(text, Pieces(text, "un", "##bel", "##ievably", ",", "[MASK]", "met", "[MASK]", "today", "."),
            Mask(5, ("she", 0.5), ("he", 0.3), ("they", 0.1), ("we", 0.05), ("i", 0.05)),
            Mask(7, ("him", 0.4), ("her", 0.35), ("them", 0.15), ("me", 0.06), ("us", 0.04)));
    }

    /// <summary>Attention over "[CLS] she ran [SEP]": 2 layers × 3 heads; each head's rows sum to 1 and differ per head.</summary>
    public static AttentionMaps Attention()
    {
        const string text = "she ran";
        var tokens = Pieces(text, "she", "ran");
        double[][] Matrix(int layer, int head) => Enumerable.Range(0, 4).Select(q =>
        {
            // One key gets most of the mass; which one depends on layer, head and query.
            var favourite = (q + head + 2 * layer) % 4;
            return Enumerable.Range(0, 4).Select(k => k == favourite ? 0.55 + 0.1 * head : (0.45 - 0.1 * head) / 3).ToArray();
        }).ToArray();
        var weights = Enumerable.Range(0, 2).Select(l =>
            (IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>>)Enumerable.Range(0, 3)
                .Select(h => (IReadOnlyList<IReadOnlyList<double>>)Matrix(l, h).Select(r => (IReadOnlyList<double>)r).ToList()).ToList()).ToList();
        return new AttentionMaps("bert-mlm", "sha256:abc", tokens, weights);
    }
}
