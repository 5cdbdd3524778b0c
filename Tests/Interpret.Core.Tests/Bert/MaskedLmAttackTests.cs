using Interpret.Core.Attacks;
using Interpret.Results;

namespace Interpret.Core.Tests.Bert;

/// <summary>HotFlip and input reduction on a masked LM: the context-independent word-embedding table with whole-word
/// candidates, the masks and markers left alone, and the mask's instance followed as tokens disappear.</summary>
public sealed class MaskedLmAttackTests
{
    const string Sentence = "the nurse said that [MASK] was very tired .";

    [Theory]
    [InlineData(null)]
    [InlineData("she")]
    [InlineData("he")]
    public void HotFlip_puts_in_whole_words_only_and_never_touches_the_mask_or_markers(string? target)
    {
        using var predictor = TinyBertModels.MaskedLm(seed: 3);
        var vocabulary = TinyBertModels.Vocabulary;
        var input = TinyBertModels.Text(predictor, Sentence);
        var attack = new HotFlip().RunToEnd(predictor, input, new MethodOptions { Target = target });
        Assert.NotEmpty(attack.Steps);
        foreach (var change in attack.Steps.SelectMany(s => s.Changes))
        {
            Assert.True(vocabulary.IsWholeWord(vocabulary.IdOf(change.After!)) && change.After!.All(char.IsLetterOrDigit), change.After);
            Assert.DoesNotContain(change.Before, new[] { "[CLS]", "[SEP]", "[MASK]", "." });
        }
        var tokens = attack.FinalFields[0].Tokens.Select(t => t.Text).ToList();
        Assert.Equal("[MASK]", tokens[5]);
        Assert.Equal(("[CLS]", "[SEP]"), (tokens[0], tokens[^1]));
        if (target is not null && attack.Succeeded) Assert.Equal(target, attack.Final.Masks![0].Top[0].Label);
        if (target is null && attack.Succeeded) Assert.NotEqual(attack.Original.Masks![0].Top[0].Label, attack.Final.Masks![0].Top[0].Label);
    }

    [Fact]
    public void Input_reduction_keeps_the_masked_word_and_shifts_the_mask_instance()
    {
        using var predictor = TinyBertModels.MaskedLm(seed: 4);
        var input = TinyBertModels.Text(predictor, Sentence);
        var attack = new InputReduction().RunToEnd(predictor, input, new MethodOptions());
        Assert.True(attack.Complete);
        Assert.Equal(attack.Original.Masks![0].Top[0].Label, attack.Final.Masks![0].Top[0].Label);
        Assert.Contains("[MASK]", attack.FinalFields[0].Tokens.Select(t => t.Text));
        Assert.NotEmpty(attack.Steps);
        Assert.All(attack.Steps, s => Assert.Equal(attack.Original.Masks[0].Top[0].Label, s.Prediction.Masks!.Single().Top[0].Label));
    }

    [Fact]
    public void Two_masks_give_two_instances_and_the_seed_single_instance_on_request()
    {
        using var predictor = TinyBertModels.MaskedLm();
        var input = TinyBertModels.Text(predictor, "the [MASK] said that [MASK] was tired .");
        var prediction = predictor.Predict(input);
        var instances = predictor.PredictionsToLabeledInstances(input, prediction);
        Assert.Equal([2, 5], instances.Select(i => i.Label.Start!.Value));
        var saliency = new Interpret.Core.Saliency.SimpleGradient().InterpretToEnd(predictor, input, new MethodOptions { SingleInstance = true });
        var single = Assert.Single(saliency.Instances);
        Assert.Equal("words", single.Label.Kind);
        Assert.Equal(2, new Interpret.Core.Saliency.SimpleGradient().InterpretToEnd(predictor, input, new MethodOptions()).Instances.Count);
    }
}
