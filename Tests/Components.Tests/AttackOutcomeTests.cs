using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>What a finished HotFlip says happened: target reached or not with the target's probability, the original
/// label's probability for an untargeted attack, why it stopped short, and the adversarial text handed over as input.</summary>
public class AttackOutcomeTests
{
    /// <summary>A targeted attack toward "negative": one flip that moves the target's probability but does not reach it.</summary>
    static Attack TargetedShortOfTheTarget(int maxFlips) => Records.HotFlip((3, "dull", "positive", 0.6)) with
    {
        Options = new MethodOptions { Field = "text", Target = "negative", MaxFlips = maxFlips },
        Label = InstanceLabel.Class("negative"),
        Succeeded = false,
        LabelProbabilityBefore = 0.05,
        Steps = [Records.HotFlip((3, "dull", "positive", 0.6)).Steps[0] with { LabelProbabilityAfter = 0.4 }],
    };

    [Fact]
    public async Task A_targeted_attack_says_whether_the_target_was_reached_and_its_probability_before_and_after()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, TargetedShortOfTheTarget(maxFlips: 1)));

        Assert.Equal("target not reached", cut.Find(".attack-status").TextContent.Trim());
        Assert.Equal("target “negative”: 5.0% before, 40.0% now", cut.Find(".attack-label-probability").TextContent);
        Assert.Contains("“negative” 40.0%", cut.Find("li.attack-step").TextContent);

        var reached = TargetedShortOfTheTarget(5) with { Succeeded = true };
        cut.Render(p => p.Add(x => x.Attack, reached));
        Assert.Equal("target reached", cut.Find(".attack-status").TextContent.Trim());
        Assert.Empty(cut.FindAll(".attack-stop"));
    }

    [Fact]
    public async Task An_untargeted_attack_names_the_original_label_and_says_held_or_flipped()
    {
        await using var ctx = TestHost.Create();
        var attack = Records.HotFlip((1, "film", "positive", 0.7)) with
        {
            LabelProbabilityBefore = 0.95,
            Steps = [Records.HotFlip((1, "film", "positive", 0.7)).Steps[0] with { LabelProbabilityAfter = 0.7 }],
        };
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack));
        Assert.Equal("prediction held", cut.Find(".attack-status").TextContent.Trim());
        Assert.Equal("original label “positive”: 95.0% before, 70.0% now", cut.Find(".attack-label-probability").TextContent);
    }

    [Theory]
    [InlineData(1, "Stopped at the cap of 1 flips without reaching the target; raise Max flips to go on.")]
    [InlineData(5, "Stopped after 1 flip without reaching the target: no word left that may be flipped")]
    public async Task An_attack_that_stops_short_says_why(int maxFlips, string expected)
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, TargetedShortOfTheTarget(maxFlips)));
        Assert.StartsWith(expected, cut.Find(".attack-stop").TextContent);
    }

    [Fact]
    public async Task Use_as_input_hands_over_the_adversarial_text_as_typed()
    {
        await using var ctx = TestHost.Create();
        IReadOnlyDictionary<string, string>? used = null;
        var text = "The movie  was great, fun!";
        var field = new Field("text", text, [new("The", 0, 3), new("movie", 4, 9), new("was", 11, 14), new("great", 15, 20), new(",", 20, 21), new("fun", 22, 25), new("!", 25, 26)]);
        var attack = Records.HotFlip((3, "awful", "negative", 0.8)) with
        {
            OriginalFields = [field],
            Steps = [new AttackStep(1, [new TokenChange("text", 3, "great", "awful")], Records.TwoLabel("negative", 0.8), 2),
                     new AttackStep(2, [new TokenChange("text", 1, "movie", "##s")], Records.TwoLabel("negative", 0.9), 3)],
        };
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack)
            .Add(x => x.OnUseAsInput, (IReadOnlyDictionary<string, string> values) => used = values));

        cut.Find("button.use-as-input").Click();

        Assert.Equal("The s  was awful, fun!", used!["text"]);
    }

    [Fact]
    public async Task Without_a_handler_or_before_any_flip_there_is_no_use_as_input_button()
    {
        await using var ctx = TestHost.Create();
        Assert.Empty(ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip((1, "film", "positive", 0.7)))).FindAll("button.use-as-input"));
        Assert.Empty(ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip())
            .Add(x => x.OnUseAsInput, (IReadOnlyDictionary<string, string> _) => { })).FindAll("button.use-as-input"));
    }

    [Fact]
    public void A_reduced_input_loses_its_removed_words_and_the_space_before_them()
    {
        var attack = Records.Reduction((0, 0.9), (2, 0.8));
        Assert.Equal("movie great fun", AdversarialText.Of(attack)["text"]);
    }
}
