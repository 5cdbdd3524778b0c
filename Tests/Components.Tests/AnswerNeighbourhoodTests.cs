using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>A reader's long passage starts cut to the answer's neighbourhood, and one click shows it whole.</summary>
public class AnswerNeighbourhoodTests
{
    static InterpretedInstance Reader(int passageTokens, int answerStart, int answerEnd, string kind = "span")
    {
        var question = Enumerable.Range(0, 6).Select(i => $"q{i}").ToArray();
        var passage = Enumerable.Range(0, passageTokens).Select(i => $"w{i}").ToArray();
        var instance = Records.Instance("x",
            ("question", question, question.Select((_, i) => 0.1 * (i + 1)).ToArray()),
            ("passage", passage, passage.Select((_, i) => 0.01 * (i % 7)).ToArray()));
        return instance with { Label = new InstanceLabel(kind, "the answer", "passage", answerStart, answerEnd) };
    }

    static IReadOnlyList<int> ShownPositions(IRenderedComponent<SaliencyHeatmap> cut, string field) =>
        cut.FindAll($".saliency-field[data-field={field}] .saliency-token").Select(t => int.Parse(t.GetAttribute("data-position")!)).ToList();

    [Fact]
    public async Task A_long_passage_shows_the_answer_and_its_neighbours_first_then_everything()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Reader(120, 60, 63)));

        Assert.Equal(Enumerable.Range(60 - AnswerNeighbourhood.Context, 3 + 2 * AnswerNeighbourhood.Context), ShownPositions(cut, "passage"));
        Assert.Equal(Enumerable.Range(0, 6), ShownPositions(cut, "question")); // the question is never cut
        Assert.Equal(2, cut.FindAll(".saliency-field[data-field=passage] .saliency-elided").Count);

        cut.Find("button.saliency-show-whole").Click();
        Assert.Equal(Enumerable.Range(0, 120), ShownPositions(cut, "passage"));
        Assert.Empty(cut.FindAll(".saliency-elided"));
        Assert.Empty(cut.FindAll("button.saliency-show-whole"));
    }

    [Fact]
    public async Task Short_passages_and_other_span_labels_are_shown_whole()
    {
        await using var ctx = TestHost.Create();
        var shortPassage = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Reader(AnswerNeighbourhood.LongField, 40, 41)));
        Assert.Equal(AnswerNeighbourhood.LongField, ShownPositions(shortPassage, "passage").Count);

        var entity = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Reader(120, 60, 61, kind: "tag")));
        Assert.Equal(120, ShownPositions(entity, "passage").Count);
        Assert.Empty(entity.FindAll("button.saliency-show-whole"));
    }

    [Fact]
    public async Task An_answer_at_the_start_elides_only_the_end()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Reader(120, 0, 2)));
        Assert.Equal(Enumerable.Range(0, 2 + AnswerNeighbourhood.Context), ShownPositions(cut, "passage"));
        Assert.Single(cut.FindAll(".saliency-elided"));
    }
}
