using System.Globalization;
using AngleSharp.Dom;
using Interpret.Results;

namespace Interpret.Components.Tests;

public class SaliencyWordToggleTests
{
    // "Unbelievably good" as [CLS] un ##bel ##ievably good [SEP], raw scores as in WordScoresTests.
    static InterpretedInstance Pieces(InstanceLabel? label = null)
    {
        var tokens = MaskedLmRecords.Pieces("Unbelievably good", "un", "##bel", "##ievably", "good");
        double[] raw = [0.5, 1.0, -0.4, 0.3, 2.0, -0.1];
        var total = raw.Sum(Math.Abs);
        return new InterpretedInstance(label ?? InstanceLabel.Class("positive"), [new LabelProbability("positive", 0.9)],
            [new FieldScores("text", "Unbelievably good", tokens, raw, raw.Select(r => Math.Abs(r) / total).ToList())]);
    }

    static string[] Texts(IRenderedComponent<SaliencyHeatmap> cut) => cut.FindAll(".saliency-token").Select(t => t.TextContent).ToArray();

    static double Score(IElement token) => double.Parse(token.GetAttribute("data-score")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Pieces_by_default_and_the_toggle_joins_them_into_words_with_summed_scores()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<SaliencyGranularity>();
        var cut = ctx.Render<SaliencyHeatmap>(p => p
            .Add(x => x.Instance, Pieces())
            .Add(x => x.Signed, true)
            .Add(x => x.GranularityChanged, g => reported.Add(g)));

        Assert.Equal(["[CLS]", "un", "##bel", "##ievably", "good", "[SEP]"], Texts(cut));
        var options = cut.FindAll(".saliency-granularity button.granularity-option");
        Assert.Equal(["pieces", "words-sum", "words-mean"], options.Select(o => o.GetAttribute("data-granularity")));
        Assert.Equal(["true", "false", "false"], options.Select(o => o.GetAttribute("aria-pressed")));

        cut.Find("[data-granularity=words-sum]").Click();

        Assert.Equal([SaliencyGranularity.WordsSum], reported);
        Assert.Equal(["[CLS]", "Unbelievably", "good", "[SEP]"], Texts(cut));
        var word = cut.FindAll(".saliency-token")[1];
        Assert.Equal(0.9, Score(word), 12);
        Assert.Equal("1", word.GetAttribute("data-position"));
        Assert.Equal("true", cut.Find("[data-granularity=words-sum]").GetAttribute("aria-pressed"));
        Assert.Equal("4", cut.Find("input.mud-slider-input").GetAttribute("max")); // one notch per word
    }

    [Fact]
    public async Task Mean_divides_a_word_by_its_pieces_and_normalised_scores_sum_to_one()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Pieces()).Add(x => x.Signed, true)
            .Add(x => x.Granularity, SaliencyGranularity.WordsMean));
        Assert.Equal(["[CLS]", "Unbelievably", "good", "[SEP]"], Texts(cut));
        Assert.Equal(0.3, Score(cut.FindAll(".saliency-token")[1]), 12);
        Assert.Equal("true", cut.Find("[data-granularity=words-mean]").GetAttribute("aria-pressed"));

        var normalised = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Pieces()).Add(x => x.Granularity, SaliencyGranularity.WordsSum));
        var scores = normalised.FindAll(".saliency-token").Select(Score).ToList();
        Assert.Equal(1, scores.Sum(), 12);
        Assert.Equal(2.0 / 3.5, scores[2], 12);
        // 'good' (2.0) is rank 1, 'Unbelievably' (0.9) rank 2.
        Assert.Equal(["2", "1"], normalised.FindAll(".saliency-token").Skip(1).Take(2).Select(t => t.GetAttribute("data-rank")));
    }

    [Fact]
    public async Task A_span_label_marks_its_word_in_the_word_view()
    {
        await using var ctx = TestHost.Create();
        // A mask-like label on 'good' (piece 4 = word 2).
        var cut = ctx.Render<SaliencyHeatmap>(p => p
            .Add(x => x.Instance, Pieces(new InstanceLabel("word", "good", "text", 4, 5)))
            .Add(x => x.Granularity, SaliencyGranularity.WordsSum));
        var marked = Assert.Single(cut.FindAll(".saliency-token.label-span"));
        Assert.Equal("good", marked.TextContent);
        Assert.Equal("2", marked.GetAttribute("data-position"));

        cut.Find("[data-granularity=pieces]").Click();
        Assert.Equal("4", Assert.Single(cut.FindAll(".saliency-token.label-span")).GetAttribute("data-position"));
    }

    [Fact]
    public async Task Word_positions_follow_the_same_rule_as_WordScores()
    {
        var field = Pieces().Fields[0];
        var words = WordScores.WordIndices(field.Tokens);
        Assert.Equal([0, 1, 1, 1, 2, 3], words);
        Assert.Equal(WordScores.Aggregate(field, WordAggregation.Sum).Tokens.Count, words[^1] + 1);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Fields_without_pieces_render_exactly_as_before_and_show_no_toggle()
    {
        await using var ctx = TestHost.Create();
        var pieces = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()));
        var words = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()).Add(x => x.Granularity, SaliencyGranularity.WordsSum));
        Assert.Empty(pieces.FindAll(".saliency-granularity"));
        Assert.Equal(TestHost.StableMarkup(pieces.Markup), TestHost.StableMarkup(words.Markup));
    }
}
