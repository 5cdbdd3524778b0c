using Interpret.Core.Attacks;
using Interpret.Core.Methods;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Pretrained;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Results;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>The reader's predictor over the pretrained encoder with a random span head: the predicted span is the
/// labeled instance, its objective is the span's log-probability, and attacks leave the passage and the answer alone.</summary>
public class ReadingComprehensionPredictorTests
{
    const string Passage = "The Rhine is a European river that begins in the Swiss canton of Graubünden and flows mostly north " +
                           "through Germany before emptying into the North Sea in the Netherlands. It is about 1,230 kilometres long.";

    static ReadingComprehensionPredictor Reader(int seed = 3)
    {
        var vocabulary = MiniLm.Vocabulary;
        var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(vocabulary));
        var info = new ModelInfo("rc-test", "reading-comprehension", "0", [], ["question", "passage"], MethodNames.All);
        return new ReadingComprehensionPredictor(info, new BertSpanModel(MiniLm.SpanReader(seed), vocabulary), vocabulary, tokenizer.Tokenize,
            maxPassageTokens: 512, maxTotalTokens: 512, isValidReplacement: id => vocabulary.IsWholeWord(id) && vocabulary[id].All(char.IsLetterOrDigit));
    }

    static TextInstance Input(Predictor predictor, string question, string passage = Passage) =>
        predictor.Tokenize(new Dictionary<string, string> { ["question"] = question, ["passage"] = passage });

    [Fact]
    public void The_predicted_span_is_the_labeled_instance_and_its_objective_is_the_span_log_probability()
    {
        using var reader = Reader();
        var input = Input(reader, "Where does the Rhine end?");
        var prediction = reader.Predict(input);
        Assert.NotNull(prediction.Spans);
        Assert.Equal(ReadingComprehensionPredictor.ListedSpans, prediction.Spans!.Count);
        var best = prediction.Spans[0];
        Assert.Equal(best.Text, prediction.Label);
        Assert.Equal(Passage[best.CharStart..best.CharEnd], best.Text);
        Assert.True(prediction.Spans.Zip(prediction.Spans.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));

        var labeled = Assert.Single(reader.PredictionsToLabeledInstances(input, prediction));
        Assert.Equal(new InstanceLabel("span", best.Text, "passage", best.Start, best.End), labeled.Label);
        Assert.Equal([best.Start, best.End - 1], labeled.Target);
        Assert.True(reader.Holds(labeled, prediction));
        var objective = reader.ObjectiveValues([labeled], Objective.LogProb)[0];
        Assert.Equal(Math.Log(best.Probability), objective, 5);
    }

    [Fact]
    public void Spans_never_start_or_end_on_the_closing_separator_and_stay_within_thirty_tokens()
    {
        using var reader = Reader(seed: 8);
        var input = Input(reader, "How long is it?");
        foreach (var span in reader.Predict(input).Spans!)
        {
            Assert.InRange(span.End - span.Start, 1, 30);
            Assert.True(input.Fields[1].Tokens[span.End - 1].Start >= 0);
        }
    }

    [Fact]
    public void A_chosen_target_is_found_in_the_passage_or_refused()
    {
        using var reader = Reader();
        var input = Input(reader, "Where does the Rhine end?");
        var target = reader.WithTarget(input, "the north sea");
        Assert.Equal("North Sea", target.Label.Value.Split(' ', 2)[1]);
        var tokens = input.Fields[1].Tokens;
        Assert.Equal("the", tokens[target.Label.Start!.Value].Text);
        Assert.Equal("sea", tokens[target.Label.End!.Value - 1].Text);
        var error = Assert.Throws<InputException>(() => reader.WithTarget(input, "the Danube"));
        Assert.Contains("does not occur in the passage", error.Message);
    }

    [Fact]
    public void Attacks_change_the_question_by_default_and_never_the_passage()
    {
        using var reader = Reader();
        var input = Input(reader, "Which sea does the river flow into after Germany?");
        var passage = input.Fields[1];
        var flip = new HotFlip().RunToEnd(reader, input, new MethodOptions { MaxFlips = 3 });
        Assert.Equal(passage.Tokens, flip.FinalFields[1].Tokens);
        Assert.All(flip.Steps, s => Assert.All(s.Changes, c => Assert.Equal("question", c.Field)));
        var reduction = new InputReduction().RunToEnd(reader, input, new MethodOptions { BeamSize = 1 });
        Assert.Equal(passage.Tokens, reduction.FinalFields[1].Tokens);
        Assert.True(reduction.FinalFields[0].Tokens.Count < input.Fields[0].Tokens.Count);
        // Reduction keeps going only while the answer span holds: the final prediction is the original span.
        Assert.Equal(reduction.Original.Spans![0].Start, reduction.Final.Spans![0].Start);
        Assert.Equal(reduction.Original.Spans![0].End, reduction.Final.Spans![0].End);
    }

    [Fact]
    public void Attacks_on_the_passage_never_touch_the_answer_tokens()
    {
        using var reader = Reader();
        var input = Input(reader, "How long is the Rhine?");
        var answer = reader.Predict(input).Spans![0];
        var answerTokens = input.Fields[1].Tokens.Skip(answer.Start).Take(answer.End - answer.Start).ToList();
        var flip = new HotFlip().RunToEnd(reader, input, new MethodOptions { Field = "passage", MaxFlips = 4 });
        Assert.Equal(answerTokens, flip.FinalFields[1].Tokens.Skip(answer.Start).Take(answer.End - answer.Start));
        var reduction = new InputReduction().RunToEnd(reader, input, new MethodOptions { Field = "passage", BeamSize = 1 });
        var final = reduction.FinalFields[1].Tokens;
        Assert.Equal(answerTokens.Select(t => (t.Start, t.End)), final.Where(t => t.Start >= answer.CharStart && t.End <= answer.CharEnd).Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void Too_long_input_is_refused_with_the_limit()
    {
        using var reader = Reader();
        var longPassage = string.Concat(Enumerable.Repeat("The river flows north through many towns. ", 80));
        var error = Assert.Throws<InputException>(() => Input(reader, "Where?", longPassage));
        Assert.Contains("512", error.Message);
    }
}
