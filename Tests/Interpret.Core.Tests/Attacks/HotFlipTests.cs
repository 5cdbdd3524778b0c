using Interpret.Core.Attacks;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Attacks;

public class HotFlipTests
{
    static int Id(string word) => TinyModels.Vocabulary().IdOf(word);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    public void ChosenSwapIsTheBruteForceArgmaxOverTheVocabulary(double sign)
    {
        using var predictor = TinyModels.BiLstm(seed: 21);
        var input = TinyModels.Text(predictor, "the plot was not very fun");
        var labeled = predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        var gradient = predictor.GetGradients([labeled], Objective.Loss).Fields[0][0];
        var (matrix, valid) = predictor.Replacements;
        Assert.Equal(Enumerable.Range(0, predictor.Vocabulary.Count).Select(predictor.IsValidReplacement), valid);
        Assert.Same(matrix, predictor.Replacements.Matrix); // built once, shared by later attacks
        var choice = HotFlip.Choose(predictor, input.Fields[0], gradient, matrix, valid, new bool[gradient.Tokens], sign, joint: false);

        // Brute force in plain C#: position = largest gradient norm; word = argmax of sign·(e′ − e)·∇.
        int position = Enumerable.Range(0, gradient.Tokens).MaxBy(t => gradient.GradientOf(t).ToArray().Sum(g => g * g));
        var table = matrix.data<double>().ToArray();
        int dim = gradient.Dim, current = predictor.Vocabulary.IdOf(input.Fields[0].Tokens[position].Text);
        var g = gradient.GradientOf(position).ToArray();
        var e = gradient.EmbeddingOf(position).ToArray();
        int bestWord = -1;
        double bestGain = double.NegativeInfinity;
        for (int w = 0; w < predictor.Vocabulary.Count; w++)
        {
            var word = predictor.Vocabulary[w];
            if (w == current || w < 2 || !word.All(char.IsLetterOrDigit)) continue;
            double gain = 0;
            for (int d = 0; d < dim; d++) gain += sign * (table[w * dim + d] - e[d]) * g[d];
            if (gain > bestGain) (bestWord, bestGain) = (w, gain);
        }
        Assert.Equal((position, bestWord), choice);
    }

    /// <summary>Two classes; "great" and "awful" carry all the signal, every other word is nearly neutral.</summary>
    static TextClassifierPredictor OneWordDecides()
    {
        var e = TinyModels.RandomEmbeddings(2, 1);
        for (int i = 0; i < e.GetLength(0); i++) { e[i, 0] *= 0.01; e[i, 1] *= 0.01; }
        e[Id("great"), 0] = 3;
        e[Id("awful"), 0] = -3;
        return TinyModels.Bag(e, new double[,] { { -1, 0 }, { 1, 0 } }, [0, 0], ["negative", "positive"]);
    }

    [Fact]
    public void UntargetedFlipChangesThePrediction()
    {
        using var predictor = OneWordDecides();
        var input = TinyModels.Text(predictor, "the movie was great");
        var steps = new HotFlip().Run(predictor, input, new MethodOptions()).ToList();
        var attack = steps[^1];
        Assert.True(attack.Complete);
        Assert.Equal("positive", attack.Original.Label);
        Assert.True(attack.Succeeded);
        Assert.Equal("negative", attack.Final.Label);
        Assert.True(attack.GradientPasses <= attack.Steps.Count + 1);
        Assert.Equal(attack.Steps.Count, steps.Count - 1); // one streamed record per flip
        Assert.Contains(attack.FinalFields[0].Tokens, t => t.Text == "awful");
        Assert.Equal(attack.Steps.Count, attack.Steps.Select(s => s.Changes[0].Position).Distinct().Count()); // each position once
    }

    [Fact]
    public void TargetedFlipReachesTheChosenClassOfAThreeClassModel()
    {
        var e = TinyModels.RandomEmbeddings(3, 4);
        for (int i = 0; i < e.GetLength(0); i++) for (int d = 0; d < 3; d++) e[i, d] *= 0.05;
        e[Id("great"), 0] = 2;
        e[Id("fine"), 1] = 2;
        e[Id("awful"), 2] = 2;
        using var predictor = TinyModels.Bag(e, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, [0, 0, 0], ["good", "ok", "bad"]);
        var input = TinyModels.Text(predictor, "the acting and the plot were great");
        var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions { Target = "bad" });
        Assert.Equal("good", attack.Original.Label);
        Assert.True(attack.Succeeded);
        Assert.Equal("bad", attack.Final.Label);
        Assert.Equal("bad", attack.Label.Value);
        Assert.True(attack.GradientPasses <= attack.Steps.Count + 1);
    }

    [Fact]
    public void PunctuationIsNeverFlippedAndSpecialEntriesNeverInserted()
    {
        using var predictor = TinyModels.BiLstm(seed: 8);
        var input = TinyModels.Text(predictor, "fun , fun !");
        var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions());
        Assert.All(attack.Steps, s => Assert.DoesNotContain(s.Changes[0].Position, new[] { 1, 3 }));
        Assert.All(attack.Steps, s => Assert.True(s.Changes[0].After!.All(char.IsLetterOrDigit)));
        Assert.True(attack.Steps.Count <= 2);
    }

    [Fact]
    public void UnreachableTargetIsAClearError()
    {
        using var predictor = TinyModels.BiLstm();
        var input = TinyModels.Text(predictor, "fun");
        var error = Assert.Throws<InputException>(() => new HotFlip().RunToEnd(predictor, input, new MethodOptions { Target = "neutral" }));
        Assert.Contains("not a label", error.Message);
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("logit")]
    public void Each_flip_records_the_probability_of_the_attacks_label_as_the_prediction_gives_it(string objective)
    {
        var e = TinyModels.RandomEmbeddings(3, 4);
        for (int i = 0; i < e.GetLength(0); i++) for (int d = 0; d < 3; d++) e[i, d] *= 0.05;
        e[Id("great"), 0] = 2;
        e[Id("awful"), 2] = 2;
        using var predictor = TinyModels.Bag(e, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, [0, 0, 0], ["good", "ok", "bad"]);
        var input = TinyModels.Text(predictor, "the acting and the plot were great");
        var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions { Target = "bad", Objective = objective });

        Assert.NotEmpty(attack.Steps);
        Assert.Equal(attack.Original.ProbabilityOf("bad"), attack.LabelProbabilityBefore!.Value, 9);
        Assert.All(attack.Steps, s => Assert.Equal(s.Prediction.ProbabilityOf("bad"), s.LabelProbabilityAfter!.Value, 9));
        Assert.True(attack.Steps[^1].LabelProbabilityAfter > attack.LabelProbabilityBefore); // toward the target
    }

    [Fact]
    public void By_default_it_stops_after_five_flips_and_says_so_in_its_options()
    {
        // Every word nearly neutral: no flip changes the prediction, so only the cap stops the attack.
        var e = TinyModels.RandomEmbeddings(2, 3);
        for (int i = 0; i < e.GetLength(0); i++) { e[i, 0] *= 0.001; e[i, 1] *= 0.001; }
        using var predictor = TinyModels.Bag(e, new double[,] { { -1, 0 }, { 1, 0 } }, [5, 0], ["negative", "positive"]);
        var input = TinyModels.Text(predictor, "the acting and the plot were fun and the music was too");
        var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions());

        Assert.False(attack.Succeeded);
        Assert.Equal(HotFlip.DefaultMaxFlips, attack.Options.MaxFlips);
        Assert.Equal(5, attack.Steps.Count);
        Assert.Equal(7, new HotFlip().RunToEnd(predictor, input, new MethodOptions { MaxFlips = 7 }).Steps.Count);
    }
}
