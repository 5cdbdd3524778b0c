using System.Globalization;
using Interpret.Results;

namespace Interpret.Components.Tests;

public class AnswerPassageTests
{
    const string Passage = "The Rhine empties into the North Sea at Rotterdam.";

    static Prediction Reader()
    {
        var question = new Field("question", "Where does the Rhine end?", []);
        var passage = new Field("passage", Passage, []);
        List<AnswerSpan> spans =
        [
            new("the North Sea", "passage", 4, 7, 23, 36, 0.6),
            new("Rotterdam", "passage", 8, 9, 40, 49, 0.25),
            new("North Sea", "passage", 5, 7, 27, 36, 0.1),
        ];
        return new Prediction("rc-squad-minilm", spans[0].Text, spans.Select(s => new LabelProbability(s.Text, s.Probability)).ToList(),
            [question, passage], Spans: spans);
    }

    [Fact]
    public async Task The_answer_is_marked_in_the_passage_as_typed_with_its_probability()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<AnswerPassage>(p => p.Add(x => x.Prediction, TestHost.RoundTrip(Reader())));

        Assert.Equal(Passage, cut.Find(".answer-context").TextContent.Trim());
        Assert.Equal("the North Sea", cut.Find("mark.answer-mark").TextContent);
        Assert.Contains("(60.0%)", cut.Find(".answer-label").TextContent);
        Assert.Equal("Passage with the answer highlighted", cut.Find(".answer-context").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Every_listed_span_is_a_row_best_first()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<AnswerPassage>(p => p.Add(x => x.Prediction, Reader()));

        var rows = cut.FindAll("tr.answer-span");
        Assert.Equal(["the North Sea", "Rotterdam", "North Sea"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal([0.6, 0.25, 0.1], rows.Select(r => double.Parse(r.GetAttribute("data-probability")!, CultureInfo.InvariantCulture)));
        Assert.Equal(["40"], cut.FindAll("tr.answer-span").Where(r => r.QuerySelector("th")!.TextContent == "Rotterdam").Select(r => r.GetAttribute("data-start")));
        Assert.Single(cut.FindAll("tr.best"));
    }

    [Fact]
    public async Task A_prediction_without_spans_says_there_is_no_answer()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<AnswerPassage>(p => p.Add(x => x.Prediction, Records.Prediction("positive", ("positive", 0.9), ("negative", 0.1))));
        Assert.Contains("No answer yet", cut.Markup);
        Assert.Empty(cut.FindAll("mark"));
    }

    [Fact]
    public void An_answer_span_is_named_by_its_text_once()
    {
        var label = new InstanceLabel("span", "the North Sea", "passage", 4, 7);
        Assert.Equal("the North Sea", EntityText.Describe(label, [new Field("passage", Passage, [])]));
        Assert.Equal("ORG: Acme", EntityText.Describe(new InstanceLabel("tag", "ORG", "text", 0, 1), [new Token("Acme", 0, 4)]));
    }
}
