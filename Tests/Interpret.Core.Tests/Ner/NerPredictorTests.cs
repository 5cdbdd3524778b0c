using Interpret.Core.Attacks;
using Interpret.Core.Predictors;
using Interpret.Core.Tagging;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Ner;

/// <summary>Per-entity labeled instances of the NER predictor: one per entity, each interpreted on its own, attacks
/// that leave the entity's tokens alone, exact gradients and exact batching, on a small random tagger.</summary>
public class NerPredictorTests
{
    const string Sentence = "a man named John Smith works at Google in downtown New York , Mary works in Paris .";

    [Fact]
    public void EachPredictedEntityBecomesOneLabeledInstance()
    {
        var (predictor, input, prediction) = TinyTagger.WithEntities(Sentence, 3);
        using var _ = predictor;
        var tags = prediction.Tags!;
        var chunks = BioTags.Chunks(tags);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        Assert.Equal(chunks.Count, prediction.Entities!.Count);
        Assert.Equal(chunks.Count, instances.Count);
        Assert.Equal(chunks.Count, prediction.Probabilities.Count);
        for (int i = 0; i < instances.Count; i++)
        {
            var (chunk, instance) = (chunks[i], instances[i]);
            Assert.Equal(new InstanceLabel("tag", chunk.Type, "text", chunk.Start, chunk.End), instance.Label);
            Assert.Equal(input.Fields[0].Tokens.Count, instance.Target.Count);
            for (int t = 0; t < tags.Count; t++)
                Assert.Equal(t >= chunk.Start && t < chunk.End ? tags[t] : "O", predictor.TagSet[(int)instance.Target[t]]);
            Assert.True(predictor.Holds(instance, prediction));
            Assert.InRange(prediction.Probabilities[i].Probability, 1e-9, 1.0);
        }
        Assert.Contains(prediction.Entities[0].Value, prediction.Label);
    }

    [Theory]
    [InlineData(Objective.Loss)]
    [InlineData(Objective.LogProb)]
    [InlineData(Objective.Logit)]
    public void AnEntitysInterpretationDoesNotDependOnTheOtherEntitiesLabels(Objective objective)
    {
        var (predictor, input, prediction) = TinyTagger.WithEntities(Sentence, 2);
        using var _ = predictor;
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        var first = instances[0];
        var other = instances[1];
        // The same entity, but the other entity's positions (and every other position outside it) carry other tags.
        var random = new Random(5);
        var changed = first with
        {
            Target = first.Target.Select((tag, t) => t >= first.Label.Start && t < first.Label.End ? tag : random.Next(1, predictor.TagSet.Count)).ToList(),
        };
        Assert.NotEqual(first.Target.Skip(other.Label.Start!.Value).Take(1), changed.Target.Skip(other.Label.Start.Value).Take(1));
        var pass = predictor.GetGradients([first, changed, other], objective);
        Assert.Equal(pass.Objective[0], pass.Objective[1], 12);
        Assert.Equal(pass.Fields[0][0].Gradient, pass.Fields[1][0].Gradient, new Close(1e-12));
        // …whereas the other entity's own objective has a different gradient (the test can tell them apart).
        Assert.NotEqual(pass.Fields[0][0].Gradient, pass.Fields[2][0].Gradient, new Close(1e-6));
    }

    [Theory]
    [InlineData(Objective.Loss)]
    [InlineData(Objective.Logit)]
    public void GradientEqualsCentralDifferenceAtTheTokenEmbedding(Objective objective)
    {
        const double step = 1e-6, tolerance = 1e-6;
        var (predictor, input, prediction) = TinyTagger.WithEntities("John Smith works at Google in Paris .", 1);
        using var _ = predictor;
        var labeled = predictor.PredictionsToLabeledInstances(input, prediction)[0];
        var analytic = predictor.GetGradients([labeled], objective).Fields[0][0];
        int entries = analytic.Tokens * analytic.Dim;
        Assert.Equal(4 + 2 + 3, analytic.Dim); // word ⊕ case ⊕ character features
        var numeric = predictor.GetGradients(Enumerable.Repeat(labeled, 2 * entries).ToList(), objective, (_, e) =>
        {
            var delta = zeros(2 * entries, entries, dtype: e.dtype);
            for (int i = 0; i < entries; i++)
            {
                delta[2 * i, i] = step;
                delta[2 * i + 1, i] = -step;
            }
            return e + delta.view(2 * entries, analytic.Tokens, analytic.Dim);
        }).Objective;
        for (int i = 0; i < entries; i++)
        {
            double expected = (numeric[2 * i] - numeric[2 * i + 1]) / (2 * step);
            double actual = analytic.Gradient[i];
            Assert.True(Math.Abs(actual - expected) <= tolerance * (1 + Math.Abs(actual)), $"entry {i}: analytic {actual:R}, finite difference {expected:R}");
        }
        Assert.Contains(analytic.Gradient, g => Math.Abs(g) > 1e-4);
        // Every token gets a gradient, also those outside the entity (the BiLSTM carries context).
        Assert.All(Enumerable.Range(0, analytic.Tokens), t => Assert.Contains(analytic.GradientOf(t).ToArray(), g => g != 0));
    }

    [Fact]
    public void BatchingSentencesOfDifferentLengthsIsExact()
    {
        var (predictor, input, prediction) = TinyTagger.WithEntities(Sentence, 1);
        using var _ = predictor;
        var shortInput = TinyTagger.Text(predictor, "Mary works in Paris");
        var shortPrediction = predictor.Predict(shortInput);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction).Take(1)
            .Concat([predictor.WithTarget(shortInput, "LOC:3-4")]).ToList();
        foreach (var objective in new[] { Objective.Loss, Objective.Logit })
        {
            var together = predictor.GetGradients(instances, objective);
            for (int i = 0; i < instances.Count; i++)
            {
                var alone = predictor.GetGradients([instances[i]], objective);
                Assert.Equal(alone.Objective[0], together.Objective[i], 12);
                Assert.Equal(alone.Fields[0][0].Gradient, together.Fields[i][0].Gradient, new Close(1e-12));
                Assert.Equal(alone.Predictions[0].Tags, together.Predictions[i].Tags);
            }
        }
        var both = predictor.Predict([input, shortInput]);
        Assert.Equal(prediction.Tags, both[0].Tags);
        Assert.Equal(shortPrediction.Tags, both[1].Tags);
        Assert.Equal(prediction.Probabilities.Select(p => p.Probability), both[0].Probabilities.Select(p => p.Probability), new Close(1e-12));
    }

    [Fact]
    public void HotFlipMatrixRowsAreTheWholeTokenEmbedderOutputOfEachWord()
    {
        using var predictor = TinyTagger.Create();
        var input = TinyTagger.Text(predictor, "Mary works at Google in New York");
        var embeddings = predictor.GetGradients([predictor.WithTarget(input, "PER:0-1")], Objective.Loss).Fields[0][0];
        var matrix = predictor.Replacements.Matrix;
        Assert.Equal(predictor.Vocabulary.Count, (int)matrix.shape[0]);
        Assert.Equal(embeddings.Dim, (int)matrix.shape[1]);
        var table = matrix.data<double>().ToArray();
        for (int t = 0; t < embeddings.Tokens; t++)
        {
            int id = predictor.Vocabulary.IdOf(input.Fields[0].Tokens[t].Text);
            Assert.Equal(embeddings.EmbeddingOf(t).ToArray(), table.AsSpan(id * embeddings.Dim, embeddings.Dim).ToArray(), new Close(1e-12));
        }
        // Character features differ between spellings that share a lower-cased word: "New" vs a lower-case "new" row would
        // differ; here two different words differ in more than the word part.
        Assert.NotEqual(table.AsSpan(predictor.Vocabulary.IdOf("Paris") * embeddings.Dim + 6, 3).ToArray(),
            table.AsSpan(predictor.Vocabulary.IdOf("York") * embeddings.Dim + 6, 3).ToArray());
    }

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HotFlipNeverFlipsTheEntitysOwnTokens(int seed)
    {
        using var predictor = TinyTagger.Create(seed);
        var input = TinyTagger.Text(predictor, Sentence);
        var prediction = predictor.Predict(input);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        for (int i = 0; i < instances.Count; i++)
        {
            var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions { Instance = i });
            Assert.Equal(instances[i].Label, attack.Label);
            var (start, end) = (attack.Label.Start!.Value, attack.Label.End!.Value);
            Assert.All(attack.Steps, s => Assert.True(s.Changes[0].Position < start || s.Changes[0].Position >= end,
                $"flipped position {s.Changes[0].Position} inside the entity [{start}, {end})"));
            for (int t = start; t < end; t++) Assert.Equal(input.Fields[0].Tokens[t], attack.FinalFields[0].Tokens[t]);
            // Success means exactly this: the entity's tokens no longer get the entity's tags.
            var final = instances[i] with { Input = new Predictors.TextInstance(attack.FinalFields) };
            Assert.Equal(attack.Succeeded, !predictor.Holds(final, attack.Final));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void InputReductionNeverRemovesTheEntitysOwnTokensAndKeepsItsTags(int seed)
    {
        using var predictor = TinyTagger.Create(seed);
        var input = TinyTagger.Text(predictor, Sentence);
        var prediction = predictor.Predict(input);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        for (int i = 0; i < instances.Count; i++)
        {
            var attack = new InputReduction().RunToEnd(predictor, input, new MethodOptions { Instance = i });
            var (start, end) = (instances[i].Label.Start!.Value, instances[i].Label.End!.Value);
            var removed = attack.Steps.Select(s => s.Changes[0].Position).ToList();
            Assert.All(removed, p => Assert.True(p < start || p >= end, $"removed position {p} inside the entity [{start}, {end})"));
            // The kept tokens still carry the entity's tags at its shifted span.
            int shift = removed.Count(p => p < start);
            var finalTags = attack.Final.Tags!;
            Assert.Equal(input.Fields[0].Tokens.Count - removed.Count, finalTags.Count);
            for (int t = start; t < end; t++)
            {
                Assert.Equal(input.Fields[0].Tokens[t].Text, attack.FinalFields[0].Tokens[t - shift].Text);
                Assert.Equal(prediction.Tags![t], finalTags[t - shift]);
            }
        }
    }

    [Fact]
    public void ASentenceWithoutEntitiesHasNothingToInterpretOrAttack()
    {
        for (int seed = 1; seed < 200; seed++)
        {
            using var predictor = TinyTagger.Create(seed);
            var input = TinyTagger.Text(predictor, "works at the bank");
            var prediction = predictor.Predict(input);
            if (prediction.Entities!.Count > 0) continue;
            Assert.Equal(NerPredictor.NoEntities, prediction.Label);
            Assert.Empty(predictor.PredictionsToLabeledInstances(input, prediction));
            Assert.Empty(new Interpret.Core.Saliency.SimpleGradient().InterpretToEnd(predictor, input, new MethodOptions()).Instances);
            Assert.Contains("Nothing to attack", Assert.Throws<InputException>(() => new HotFlip().RunToEnd(predictor, input, new MethodOptions())).Message);
            Assert.Contains("Nothing to attack", Assert.Throws<InputException>(() => new InputReduction().RunToEnd(predictor, input, new MethodOptions())).Message);
            return;
        }
        Assert.Fail("No seed below 200 predicts a sentence without entities.");
    }

    [Fact]
    public void RemovingATokenKeepsTargetAndSpanAligned()
    {
        using var predictor = TinyTagger.Create();
        var input = TinyTagger.Text(predictor, "Mary works at Google in New York");
        var labeled = predictor.WithTarget(input, "LOC:5-7");
        var before = predictor.WithTokenRemoved(labeled, 0, 1);
        Assert.Equal((4, 6), (before.Label.Start, before.Label.End));
        Assert.Equal(["O", "O", "O", "O", "B-LOC", "I-LOC"], before.Target.Select(t => predictor.TagSet[(int)t]));
        Assert.Equal("New", before.Input.Fields[0].Tokens[4].Text);
        var after = predictor.WithTokenRemoved(labeled, 0, 0);
        Assert.Equal((4, 6), (after.Label.Start, after.Label.End));
        var unchanged = predictor.WithTokenRemoved(predictor.WithTarget(input, "PER:0-1"), 0, 3);
        Assert.Equal((0, 1), (unchanged.Label.Start, unchanged.Label.End));
        Assert.Equal(6, unchanged.Target.Count);
        var replaced = predictor.WithTokenReplaced(labeled, 0, 2, "in");
        Assert.Equal(labeled.Target, replaced.Target);
        Assert.Equal(labeled.Label, replaced.Label);
    }

    [Fact]
    public void TargetsNameATypeAndATokenSpan()
    {
        using var predictor = TinyTagger.Create();
        var input = TinyTagger.Text(predictor, "Mary works in Paris");
        var target = predictor.WithTarget(input, "PER:0-1");
        Assert.Equal(["B-PER", "O", "O", "O"], target.Target.Select(t => predictor.TagSet[(int)t]));
        Assert.Equal(new InstanceLabel("tag", "PER", "text", 0, 1), target.Label);
        Assert.Equal(["O", "O", "O", "O"], predictor.WithTarget(input, "O:3-4").Target.Select(t => predictor.TagSet[(int)t]));
        Assert.Contains("LOC:3-5", Assert.Throws<InputException>(() => predictor.WithTarget(input, "LOC")).Message);
        Assert.Contains("not an entity type", Assert.Throws<InputException>(() => predictor.WithTarget(input, "ORG:0-1")).Message);
        Assert.Contains("not inside", Assert.Throws<InputException>(() => predictor.WithTarget(input, "LOC:3-9")).Message);
        Assert.Contains("Unknown input field", Assert.Throws<InputException>(() => predictor.Tokenize(new Dictionary<string, string> { ["premise"] = "x" })).Message);
    }

    sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * (1 + Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
