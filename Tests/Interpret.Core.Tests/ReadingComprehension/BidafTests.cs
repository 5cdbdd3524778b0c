using Interpret.Core.Attacks;
using Interpret.Core.Data;
using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Core.Training;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>BiDAF: exact gradients through the attention flow, padding that changes nothing, a tiny model that learns,
/// the saved folder that scores the same, and question-only attacks through the reader's predictor.</summary>
public class BidafTests
{
    static readonly IReadOnlyList<string>[] Questions =
        [TinyBidaf.Split("Which sea does the Rhine flow into ?"), TinyBidaf.Split("Where does it end ?")];
    static readonly IReadOnlyList<string>[] Passages =
        [TinyBidaf.Split("The Rhine flows north into the North Sea in the Netherlands ."), TinyBidaf.Split("The Danube flows east .")];
    static readonly long[] GoldStarts = [5, 3], GoldEnds = [7, 3];

    static Tensor Lengths(IReadOnlyList<IReadOnlyList<string>> rows) => tensor(rows.Select(r => (long)r.Count).ToArray());

    /// <summary>−Σ (log p(gold start) + log p(gold end)) from the embedder's outputs.</summary>
    static Tensor Loss(BidafModel model, Tensor question, Tensor passage)
    {
        var logs = model.call(question, Lengths(Questions), passage, Lengths(Passages)).log_softmax(2);
        var start = logs.select(1, 0).gather(1, tensor(GoldStarts).unsqueeze(1));
        var end = logs.select(1, 1).gather(1, tensor(GoldEnds).unsqueeze(1));
        return start.sum().add(end.sum()).neg();
    }

    static (Tensor Question, Tensor Passage) Embeddings(BidafModel model)
    {
        using var _ = no_grad();
        return (model.Embedder.call(model.Lexicon.Encode(Questions)), model.Embedder.call(model.Lexicon.Encode(Passages)));
    }

    static double LossWith(BidafModel model, Tensor question, Tensor passage)
    {
        using var _ = no_grad();
        return Loss(model, question, passage).item<double>();
    }

    [Fact]
    public void Bidaf_gradients_through_the_attention_flow_equal_central_differences_in_float64()
    {
        using var scope = NewDisposeScope();
        using var model = TinyBidaf.Create();
        model.Freeze();
        var (question, passage) = Embeddings(model);
        var questionLeaf = question.detach().requires_grad_(true);
        var passageLeaf = passage.detach().requires_grad_(true);
        var gradients = autograd.grad([Loss(model, questionLeaf, passageLeaf)], [questionLeaf, passageLeaf]);
        const double eps = 1e-6;

        // Coordinates of both fields and both rows (row 1 is the shorter one in both fields).
        foreach (var (field, index) in new[] { (0, new long[] { 0, 2, 1 }), (0, [1, 3, 7]), (1, [0, 6, 0]), (1, [1, 2, 8]) })
        {
            double Shifted(double by)
            {
                var q = question.clone();
                var p = passage.clone();
                (field == 0 ? q : p)[index[0], index[1], index[2]].add_(by);
                return LossWith(model, q, p);
            }
            double numeric = (Shifted(eps) - Shifted(-eps)) / (2 * eps);
            double analytic = gradients[field][index[0], index[1], index[2]].item<double>();
            Assert.True(Math.Abs(analytic) > 1e-8, $"field {field} [{string.Join(",", index)}]: gradient {analytic} too small to test");
            Assert.Equal(analytic, numeric, 1e-6 * Math.Max(1, Math.Abs(analytic)));
        }

        // A weight of the similarity S = w·[h; u; h∘u] (its h∘u part).
        var weight = model.Attention.ProductWeight;
        var weightGradient = autograd.grad([Loss(model, question, passage)], [weight])[0];
        foreach (long k in new long[] { 0, 4 })
        {
            double Shifted(double by)
            {
                using (no_grad()) weight[0, k].add_(by);
                double value = LossWith(model, question, passage);
                using (no_grad()) weight[0, k].add_(-by);
                return value;
            }
            double numeric = (Shifted(eps) - Shifted(-eps)) / (2 * eps);
            double analytic = weightGradient[0, k].item<double>();
            Assert.True(Math.Abs(analytic) > 1e-8);
            Assert.Equal(analytic, numeric, 1e-6 * Math.Max(1, Math.Abs(analytic)));
        }
    }

    [Fact]
    public void Bidaf_padding_gets_no_probability_and_padded_question_tokens_change_nothing()
    {
        using var scope = NewDisposeScope();
        using var model = TinyBidaf.Create(seed: 5);
        model.Freeze();
        using var _ = no_grad();
        var batch = model.SpanScores(Questions, Passages);
        var probabilities = batch.softmax(2);
        int shortPassage = Passages[1].Count;
        Assert.Equal(0.0, probabilities[1, .., shortPassage..].abs().max().item<double>());
        Assert.Equal(2.0, probabilities[1].sum().item<double>(), 12);

        // The short row alone (no padding at all) scores its real positions the same.
        var alone = model.SpanScores([Questions[1]], [Passages[1]]);
        Assert.True(alone[0].allclose(batch[1, .., ..shortPassage], rtol: 0, atol: 1e-12));

        // Whatever sits in the short question's padded positions, nothing changes.
        var (question, passage) = Embeddings(model);
        var noisy = question.clone();
        int shortQuestion = Questions[1].Count;
        noisy[1, shortQuestion..] = randn_like(noisy[1, shortQuestion..]).mul(10.0);
        var before = model.call(question, Lengths(Questions), passage, Lengths(Passages));
        var after = model.call(noisy, Lengths(Questions), passage, Lengths(Passages));
        Assert.True(before.allclose(after, rtol: 0, atol: 1e-12));
    }

    static List<(SquadParagraph Paragraph, SquadQuestion Question)> HandMade()
    {
        (SquadParagraph, SquadQuestion) Make(string context, string question, string answer) =>
            (new SquadParagraph(context, []), new SquadQuestion(question, question, [new SquadAnswer(answer, context.IndexOf(answer, StringComparison.Ordinal))]));
        const string rhine = "The Rhine flows north into the North Sea in the Netherlands.";
        return
        [
            Make(rhine, "Which sea does the Rhine flow into?", "the North Sea"),
            Make(rhine, "Where does the Rhine end?", "Netherlands"),
            Make("The Danube flows east into the Black Sea.", "Which sea does the Danube flow into?", "the Black Sea"),
            Make("Shakespeare wrote Hamlet.", "Who wrote Hamlet?", "Shakespeare"),
        ];
    }

    [Fact]
    public void A_tiny_Bidaf_learns_four_hand_made_questions()
    {
        var (examples, unmapped) = BidafTrainer.Examples(HandMade());
        Assert.Equal(0, unmapped);
        Assert.Equal(["the", "North", "Sea"], examples[0].Passage.Skip((int)examples[0].Start).Take((int)(examples[0].End - examples[0].Start + 1)));

        using var model = TinyBidaf.Create(seed: 7, dtype: ScalarType.Float32, hidden: 8, dropout: 0);
        model.train();
        using var optimizer = optim.Adam(model.parameters(), 0.02);
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = BidafTrainer.Loss(model, examples);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0) first = last;
        }
        Assert.True(last < 0.2 * first, $"loss fell from {first:F3} to {last:F3} only");
        var answers = BidafTrainer.Answer(model, HandMade().Select(h => (h.Question.Question, h.Paragraph.Context)).ToList());
        Assert.Equal(HandMade().Select(h => h.Question.Answers[0].Text), answers);
    }

    static ModelManifest Manifest(BidafModel model) => new()
    {
        Id = "rc-test-bidaf",
        Task = "reading-comprehension",
        Architecture = BidafSpec.Write(model.Config, model.Lexicon.Characters),
        Labels = [],
        InputFields = [ReadingComprehensionPredictor.QuestionField, ReadingComprehensionPredictor.PassageField],
        Tokenization = new TokenizationSpec("ptb", LowerCase: false, MaxTokens: 1000),
    };

    [Fact]
    public void A_saved_Bidaf_folder_loads_into_a_reader_that_scores_identically()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bidaf-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var model = TinyBidaf.Create(seed: 11, dtype: ScalarType.Float32);
            // The folder stores float16; weights already representable in it must come back bit for bit.
            using (no_grad())
                foreach (var p in model.parameters()) p.copy_(p.to_type(ScalarType.Float16).to_type(ScalarType.Float32));
            model.Freeze();
            ModelFolder.Save(folder, Manifest(model), model, model.Lexicon.Tokens);
            using var reader = Assert.IsType<ReadingComprehensionPredictor>(ModelFolder.Load(folder));
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            Assert.True(model.SpanScores(Questions, Passages).allclose(reader.SpanModel.SpanScores(Questions, Passages), rtol: 0, atol: 0));
            var prediction = reader.Predict(reader.Tokenize(new Dictionary<string, string> { ["question"] = "Which sea?", ["passage"] = "The Rhine flows north." }));
            Assert.NotNull(prediction.Spans);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bidaf_reader_attacks_change_only_the_question()
    {
        var model = TinyBidaf.Create(seed: 13);
        var vocabulary = model.Lexicon.Tokens;
        var tokenizer = new PtbTokenizer(lowerCase: false);
        var info = new ModelInfo("rc-test-bidaf", "reading-comprehension", "0", [], ["question", "passage"], MethodNames.All);
        using var reader = new ReadingComprehensionPredictor(info, model, vocabulary, (text, _) => tokenizer.Tokenize(text),
            isValidReplacement: id => id > Vocabulary.UnknownId && vocabulary[id].All(char.IsLetter));
        var input = reader.Tokenize(new Dictionary<string, string>
        {
            ["question"] = "Which sea does the Rhine flow into?",
            ["passage"] = "The Rhine flows north into the North Sea in the Netherlands.",
        });
        var flip = new HotFlip().RunToEnd(reader, input, new MethodOptions { MaxFlips = 3 });
        Assert.NotEmpty(flip.Steps);
        Assert.Equal(input.Fields[1].Tokens, flip.FinalFields[1].Tokens);
        Assert.All(flip.Steps, s => Assert.All(s.Changes, c => Assert.Equal("question", c.Field)));
        Assert.All(flip.Steps, s => Assert.All(s.Changes, c => Assert.All(c.After!.ToCharArray(), ch => Assert.True(char.IsLetter(ch)))));
    }
}
