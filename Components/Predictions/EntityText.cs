using Interpret.Results;

namespace Interpret.Components;

/// <summary>Words for a span label (an NER entity): its tokens' text and the "TYPE: words" name under which a
/// tagger's prediction lists the entity's probability (the same text as the predictor's <c>Prediction.Probabilities</c>).</summary>
public static class EntityText
{
    /// <summary>True for a label that points at a token span of a field (e.g. an entity), false for a class label.</summary>
    public static bool IsSpan(InstanceLabel label) => label.Field is not null && label.Start is not null && label.End is not null;

    /// <summary>The span's tokens joined by spaces, e.g. "John Smith"; empty when the span is outside the tokens.</summary>
    public static string Words(InstanceLabel label, IReadOnlyList<Token> tokens)
    {
        if (!IsSpan(label)) return "";
        var start = Math.Clamp(label.Start!.Value, 0, tokens.Count);
        var end = Math.Clamp(label.End!.Value, start, tokens.Count);
        return string.Join(' ', tokens.Skip(start).Take(end - start).Select(t => t.Text));
    }

    /// <summary>"ORG: Microsoft": how a tagger's probabilities name the entity. A reader's answer span (kind "span")
    /// already holds its words as typed, which is also how its probabilities name it.</summary>
    public static string Describe(InstanceLabel label, IReadOnlyList<Token> tokens) =>
        label.Kind == AnswerSpanKind ? label.Value : $"{label.Value}: {Words(label, tokens)}";

    /// <summary>The label kind of a reading-comprehension answer.</summary>
    public const string AnswerSpanKind = "span";

    /// <summary>The span label described with the tokens of its own field among <paramref name="fields"/>; null for a
    /// class label or a field that is not there.</summary>
    public static string? Describe(InstanceLabel label, IEnumerable<Field> fields) =>
        IsSpan(label) && fields.FirstOrDefault(f => f.Name == label.Field) is { } field ? Describe(label, field.Tokens) : null;
}
