using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>A tokenised input: its fields in the order the model reads them. Immutable; edits return copies.</summary>
public sealed record TextInstance(IReadOnlyList<Field> Fields)
{
    public int FieldIndex(string name)
    {
        for (int i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == name) return i;
        throw new InputException($"This model has no input field '{name}'; its fields are {string.Join(", ", Fields.Select(f => f.Name))}.");
    }

    /// <summary>The same input with one token's text replaced; the token keeps the characters it stands for.</summary>
    public TextInstance ReplaceToken(int field, int position, string text) =>
        WithTokens(field, Fields[field].Tokens.Select((t, i) => i == position ? t with { Text = text } : t).ToList());

    public TextInstance RemoveToken(int field, int position) =>
        WithTokens(field, Fields[field].Tokens.Where((_, i) => i != position).ToList());

    TextInstance WithTokens(int field, IReadOnlyList<Token> tokens) =>
        new(Fields.Select((f, i) => i == field ? f with { Tokens = tokens } : f).ToList());

    public int TokenCount => Fields.Sum(f => f.Tokens.Count);
}
