namespace Interpret.Results;

/// <summary>A span of a field that a reading-comprehension model gives as an answer: its text, its tokens
/// [Start, End) in <see cref="Field"/>, the characters [CharStart, CharEnd) of that field's text, and its probability
/// p(start)·p(end) under the model.</summary>
public sealed record AnswerSpan(string Text, string Field, int Start, int End, int CharStart, int CharEnd, double Probability);
