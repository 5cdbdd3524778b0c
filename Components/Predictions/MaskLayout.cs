using Interpret.Results;

namespace Interpret.Components;

/// <summary>One shown token of a masked-LM input: its token index, the text to show (the typed text it covers, so
/// "un ##bel ##ievably" reads "Unbelievably"), the whitespace before it, and for a [MASK] its index in mask order.</summary>
public sealed record MaskToken(int Position, string Text, string SpaceBefore, int? Mask = null);

/// <summary>A masked LM's prediction laid out for display: the masks' field as typed, with each [MASK] marked.</summary>
public sealed record MaskLayout(string Field, IReadOnlyList<MaskToken> Tokens, IReadOnlyList<MaskPrediction> Masks)
{
    /// <summary>Lays out <paramref name="field"/> (default: the first mask's field, else the first field). Mask indices
    /// follow <c>Prediction.Masks</c> (= the methods' <c>Instance</c> option). Tokens that are not in the typed text
    /// ([CLS], [SEP]) are left out unless they are a mask, so the sentence reads as typed.</summary>
    public static MaskLayout? Build(Prediction? prediction, string? field = null)
    {
        if (prediction is null || prediction.Fields.Count == 0) return null;
        var masks = prediction.Masks ?? [];
        var chosen = prediction.Fields.FirstOrDefault(f => f.Name == field)
            ?? prediction.Fields.FirstOrDefault(f => masks.Any(m => m.Field == f.Name))
            ?? prediction.Fields[0];

        var maskAt = new Dictionary<int, int>();
        for (var m = 0; m < masks.Count; m++)
        {
            if (masks[m].Field == chosen.Name && masks[m].Position >= 0 && masks[m].Position < chosen.Tokens.Count)
                maskAt.TryAdd(masks[m].Position, m);
        }

        var tokens = new List<MaskToken>();
        Token? previous = null;
        for (var i = 0; i < chosen.Tokens.Count; i++)
        {
            var token = chosen.Tokens[i];
            int? mask = maskAt.TryGetValue(i, out var m) ? m : null;
            var typed = token.Start >= 0 && token.End <= chosen.Text.Length && token.End > token.Start;
            if (!typed && mask is null) continue;
            var text = typed ? chosen.Text[token.Start..token.End] : token.Text;
            tokens.Add(new MaskToken(i, text, SpaceBefore(previous, token), mask));
            previous = token;
        }
        return new MaskLayout(chosen.Name, tokens, masks);
    }

    /// <summary>A space where the typed text has whitespace (none where pieces of one word touch).</summary>
    static string SpaceBefore(Token? before, Token token)
    {
        if (before is null) return "";
        if (before.End < 0 || token.Start < 0) return " ";
        return token.Start > before.End ? " " : "";
    }
}
