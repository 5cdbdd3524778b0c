using System.Text;
using Interpret.Results;

namespace Interpret.Components;

/// <summary>The text of each field after an attack, written into the text as typed: each changed token's characters
/// are replaced by its new word (a WordPiece continuation loses its "##" and joins its word), a removed token goes
/// with the space before it, and everything between tokens (spacing, punctuation the tokenizer kept) stays as typed.
/// This is what "Use as input" puts into the input boxes.</summary>
public static class AdversarialText
{
    public static IReadOnlyDictionary<string, string> Of(Attack attack)
    {
        var diffs = AttackDiff.Attacked(attack).ToDictionary(d => d.Field.Name);
        return attack.OriginalFields.ToDictionary(f => f.Name, f => diffs.TryGetValue(f.Name, out var diff) ? Rewrite(diff) : f.Text);
    }

    static string Rewrite(FieldDiff diff)
    {
        var text = diff.Field.Text;
        var result = new StringBuilder(text.Length);
        int at = 0;
        for (int i = 0; i < diff.Field.Tokens.Count; i++)
        {
            var token = diff.Field.Tokens[i];
            // Tokens not in the typed text ([CLS], [SEP]) have no characters to rewrite.
            if (token.Start < at || token.End > text.Length || !diff.Changes.TryGetValue(i, out var change)) continue;
            result.Append(text, at, token.Start - at);
            at = token.End;
            if (change.Change.After is { } after)
                result.Append(after.StartsWith(WordScores.ContinuationPrefix, StringComparison.Ordinal) ? after[WordScores.ContinuationPrefix.Length..] : after);
            else if (result.Length > 0 && char.IsWhiteSpace(result[^1]))
                result.Length--;
        }
        result.Append(text, at, text.Length - at);
        return result.ToString().Trim();
    }
}
