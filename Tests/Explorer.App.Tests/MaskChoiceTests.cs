using Explorer.App.State;
using Interpret.Core.Models;
using Interpret.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Explorer.App.Tests;

/// <summary>How the page turns a masked LM's chosen mask and target word into a run's options, and the masked-LM
/// examples, hint and result titles.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class MaskChoiceTests(ExplorerFactory factory)
{
    // "the [MASK] opened the door and [MASK] walked in ." → masks at tokens 2 and 7.
    static readonly Prediction TwoMasks = Masked((2, "man"), (7, "he"));
    static readonly Prediction OneMask = Masked((5, "he"));
    static readonly MethodOptions Form = new() { Objective = "loss" };

    [Fact]
    public void The_chosen_mask_is_the_instance_and_all_masks_is_the_single_instance()
    {
        Assert.Equal(0, MaskChoice.Default(TwoMasks));
        var second = MaskChoice.Apply(Form, TwoMasks, 1, null, isAttack: false);
        Assert.Equal((1, (bool?)null, (string?)null), (second.Instance, second.SingleInstance, second.Target));
        Assert.Equal("loss", second.Objective);

        var all = MaskChoice.Apply(Form, TwoMasks, null, null, isAttack: false);
        Assert.Equal(((int?)null, (bool?)true), (all.Instance, all.SingleInstance));
        Assert.True(MaskChoice.OffersAll(TwoMasks));
    }

    [Fact]
    public void With_one_mask_all_masks_is_simply_that_mask()
    {
        Assert.False(MaskChoice.OffersAll(OneMask));
        var options = MaskChoice.Apply(Form, OneMask, null, null, isAttack: false);
        Assert.Equal((0, (bool?)null), (options.Instance, options.SingleInstance));
    }

    [Fact]
    public void A_target_word_aims_at_the_chosen_masks_position()
    {
        // Saliency: the target is the one instance, so no Instance index (it would have to be 0).
        var saliency = MaskChoice.Apply(Form with { Target = "she" }, TwoMasks, 1, " she ", isAttack: false);
        Assert.Equal(("she:7", (int?)null), (saliency.Target, saliency.Instance));

        // HotFlip starts from the chosen mask's own guess and aims for the target there.
        var hotflip = MaskChoice.Apply(Form, TwoMasks, 1, "she", isAttack: true);
        Assert.Equal(("she:7", (int?)1), (hotflip.Target, hotflip.Instance));

        // All masks: the core puts a bare word on the first mask.
        var all = MaskChoice.Apply(Form, TwoMasks, null, "she", isAttack: true);
        Assert.Equal(("she", (int?)null, (bool?)true), (all.Target, all.Instance, all.SingleInstance));

        Assert.Null(MaskChoice.Apply(Form, TwoMasks, 0, "  ", isAttack: false).Target);
    }

    [Fact]
    public void A_classifiers_options_pass_unchanged()
    {
        var classifier = new Prediction("m", "positive", [new("positive", 0.9), new("negative", 0.1)], []);
        var options = Form with { Target = "negative" };
        Assert.Same(options, MaskChoice.Apply(options, classifier, 0, "negative", isAttack: false));
    }

    [Fact]
    public void Masked_lm_examples_have_masks_and_pass_the_models_input_checks()
    {
        var predictor = factory.Services.GetRequiredService<ModelCatalog>().Get(ExplorerFactory.BertModel);
        var examples = ExampleInputs.For(predictor.Info);

        Assert.Equal("masked-lm", predictor.Info.Task);
        Assert.Contains(examples, e => e["text"] == "the nurse said that [MASK] was tired .");
        Assert.Contains(examples, e => e["text"].Split("[MASK]").Length == 3);
        foreach (var example in examples) predictor.Tokenize(example);
        Assert.Contains("[MASK]", InputHints.For(predictor.Info));
        Assert.Null(InputHints.For(factory.Services.GetRequiredService<ModelCatalog>().Get(ExplorerFactory.Model).Info));
    }

    [Fact]
    public void Result_titles_name_the_mask_and_its_word()
    {
        var one = Interpretation(new InstanceLabel("word", "she", "text", 5, 6));
        Assert.Equal("[MASK] text[5] → she", ResultText.Subject(one));
        var combined = Interpretation(new InstanceLabel("words", "man · he", "text"));
        Assert.Equal("all masks → man · he", ResultText.Subject(combined));
        Assert.Equal("he", PredictionText.Of(OneMask));
    }

    static Interpretation Interpretation(InstanceLabel label) =>
        new("m", "hash", "simple-gradient", new MethodOptions(), [new InterpretedInstance(label, [], [])], 1, 1, true, new Progress(1, 1));

    static Prediction Masked(params (int Position, string Word)[] masks) =>
        new("m", string.Join(" · ", masks.Select(m => m.Word)), [],
            [], Masks: masks.Select(m => new MaskPrediction("text", m.Position, [new LabelProbability(m.Word, 0.5)])).ToList());
}
