using Interpret.Core.ReadingComprehension;

namespace Interpret.Core.Tests.ReadingComprehension;

public class SlidingWindowBaselineTests
{
    const string Passage = "The Rhine flows north into the North Sea near Rotterdam. Paris is the capital of France, " +
                           "and Berlin is the capital of Germany. Both cities lie far from the sea.";

    [Fact]
    public void The_answer_is_the_nearest_span_to_the_question_words() =>
        Assert.Equal("Paris", new SlidingWindowBaseline().Answer("What is the capital of France?", Passage));

    [Fact]
    public void Question_words_in_another_sentence_pull_the_answer_there() =>
        Assert.Equal("Rotterdam", new SlidingWindowBaseline().Answer("Which port lies on the North Sea coast?", "Paris is far inland. On the North Sea coast, Rotterdam."));

    [Fact]
    public void Answers_never_repeat_a_question_word_and_come_from_the_passage()
    {
        var answer = new SlidingWindowBaseline().Answer("Which sea does the Rhine flow into?", Passage);
        Assert.Contains(answer, Passage);
        Assert.DoesNotContain("sea", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", new SlidingWindowBaseline().Answer("Where?", ""));
    }
}
