using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>Sentence sums: a long passage read at a glance.</summary>
public class SentenceLevelTests
{
    const string Passage = "The Rhine flows north. It ends in the sea! Why?";

    static InterpretedInstance Reader()
    {
        // [CLS] question [SEP] style special tokens stay units of their own (no text offsets).
        var question = new FieldScores("question", "Where?", [new Token("[CLS]", -1, -1), new Token("Where", 0, 5), new Token("?", 5, 6), new Token("[SEP]", -1, -1)],
            [0.5, 0.25, 0.25, -0.5], [0, 0, 0, 0]);
        var words = new[] { "The", "Rhine", "flows", "north", ".", "It", "ends", "in", "the", "sea", "!", "Why", "?" };
        var tokens = new List<Token>();
        int at = 0;
        foreach (var w in words)
        {
            at = Passage.IndexOf(w, at, StringComparison.Ordinal);
            tokens.Add(new Token(w, at, at + w.Length));
            at += w.Length;
        }
        double[] raw = [0.1, 0.2, 0.1, 0.1, 0, 0.3, -0.1, 0.1, 0.2, 0.5, 0, -0.4, 0];
        var passage = new FieldScores("passage", Passage, tokens, raw, raw.Select(_ => 0.0).ToList());
        return new InterpretedInstance(new InstanceLabel("span", "the sea", "passage", 8, 10), [new LabelProbability("the sea", 0.7)], [question, passage]);
    }

    [Fact]
    public void Tokens_become_sentences_as_typed_with_summed_scores_and_the_answer_moves_with_them()
    {
        var sentences = SentenceLevel.Apply(Reader());
        var passage = sentences.Fields[1];
        Assert.Equal(["The Rhine flows north.", "It ends in the sea!", "Why?"], passage.Tokens.Select(t => t.Text));
        Assert.Equal([0.5, 1.0, -0.4], passage.Raw.Select(r => Math.Round(r, 10)));
        Assert.Equal((1, 2), (sentences.Label.Start, sentences.Label.End));
        Assert.Equal(["[CLS]", "Where?", "[SEP]"], sentences.Fields[0].Tokens.Select(t => t.Text));
        Assert.Equal([0.5, 0.5, -0.5], sentences.Fields[0].Raw);
        var all = sentences.Fields.SelectMany(f => f.Normalized).ToList();
        Assert.Equal(1.0, all.Sum(), 10);
        Assert.Equal(1.0 / 3.4, sentences.Fields[1].Normalized[1], 10);
    }

    [Fact]
    public async Task The_heatmap_offers_sentences_when_a_field_has_two_or_more()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Reader()));
        cut.Find("button[data-granularity=sentences-sum]").Click();
        Assert.Equal(["The Rhine flows north.", "It ends in the sea!", "Why?"],
            cut.FindAll(".saliency-field[data-field=passage] .saliency-token").Select(t => t.TextContent.Trim()));
        Assert.Equal(["1"], cut.FindAll(".saliency-field[data-field=passage] .label-span").Select(t => t.GetAttribute("data-position")));

        var oneSentence = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()));
        Assert.Empty(oneSentence.FindAll("button[data-granularity=sentences-sum]"));
    }
}
