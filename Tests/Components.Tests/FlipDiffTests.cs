namespace Interpret.Components.Tests;

public class FlipDiffTests
{
    [Fact]
    public async Task Marks_exactly_the_flipped_positions()
    {
        await using var ctx = TestHost.Create();
        var attack = Records.HotFlip((1, "film", "positive", 0.7), (3, "awful", "negative", 0.8));
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack));

        var flipped = cut.FindAll(".flipped");
        Assert.Equal([1, 3], flipped.Select(TestHost.Position));
        Assert.Equal(["film", "awful"], flipped.Select(t => t.TextContent));
        Assert.All(flipped, t => Assert.NotNull(t.Closest(".flip-adversarial")));
        Assert.Equal([1, 3], cut.FindAll(".flip-pair").Where(pair => pair.QuerySelector(".flip-original .replaced") is not null).Select(TestHost.Position));
    }

    [Fact]
    public async Task Original_and_adversarial_tokens_share_one_wrapping_pair_per_position()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip((1, "film", "positive", 0.7), (3, "awful", "negative", 0.8))));

        var pairs = cut.FindAll(".flip-pair");
        Assert.Equal([0, 1, 2, 3, 4], pairs.Select(TestHost.Position));
        Assert.Equal(["the", "movie", "was", "great", "fun"], pairs.Select(p => p.QuerySelector(".flip-original")!.TextContent.Trim()));
        Assert.Equal(["the", "film", "was", "awful", "fun"], pairs.Select(p => p.QuerySelector(".flip-adversarial")!.TextContent.Trim()));
        // Nothing scrolls sideways: the pairs are a wrapping list, not a table in a scroller.
        Assert.Empty(cut.FindAll(".flip-field table, .flip-diff-scroll"));
        Assert.Equal("changed: movie → film, great → awful", cut.Find(".attack-changed").TextContent);
        // A screen reader hears the change once; an unchanged word's copy is hidden from it.
        Assert.Contains("changed at step 2 to", pairs[3].TextContent);
        Assert.Equal("true", pairs[0].QuerySelector(".flip-adversarial")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Shows_the_prediction_before_and_after_and_the_steps()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip((1, "film", "positive", 0.7), (3, "awful", "negative", 0.8))));

        var before = cut.Find("[data-when=before]");
        var after = cut.Find("[data-when=after]");
        Assert.Contains("Before: positive", before.TextContent);
        Assert.Contains("95.0%", before.QuerySelector("tr.predicted")!.TextContent);
        Assert.Contains("After: negative", after.TextContent);
        Assert.Contains("80.0%", after.QuerySelector("tr.predicted")!.TextContent);

        var steps = cut.FindAll("li.attack-step");
        Assert.Equal(["1", "2"], steps.Select(s => s.GetAttribute("data-step")));
        Assert.Contains("text[3] 'great' → 'awful'", steps[1].TextContent);
        Assert.Contains("prediction flipped", cut.Find(".attack-status").TextContent);
    }

    [Fact]
    public async Task A_longer_streamed_record_re_renders_the_marks_steps_and_prediction()
    {
        await using var ctx = TestHost.Create();
        var first = Records.HotFlip((1, "film", "positive", 0.7)) with { Complete = false };
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, first));
        Assert.Equal([1], cut.FindAll(".flipped").Select(TestHost.Position));
        Assert.Single(cut.FindAll("li.attack-step"));
        Assert.Contains("running", cut.Find(".attack-status").TextContent);

        cut.Render(p => p.Add(x => x.Attack, Records.HotFlip((1, "film", "positive", 0.7), (3, "awful", "negative", 0.8))));
        Assert.Equal([1, 3], cut.FindAll(".flipped").Select(TestHost.Position));
        Assert.Equal(2, cut.FindAll("li.attack-step").Count);
        Assert.Contains("After: negative", cut.Find("[data-when=after]").TextContent);
        Assert.Contains("prediction flipped", cut.Find(".attack-status").TextContent);
    }

    [Fact]
    public async Task Before_any_step_nothing_is_marked()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip() with { Complete = false }));
        Assert.Empty(cut.FindAll(".flipped"));
        Assert.Empty(cut.FindAll("li.attack-step"));
        Assert.Equal(5, cut.FindAll(".flip-pair").Count);
        Assert.Empty(cut.FindAll(".attack-changed"));
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var attack = Records.HotFlip((1, "film", "positive", 0.7), (3, "awful", "negative", 0.8));
        var direct = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack));
        var viaJson = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, TestHost.RoundTrip(attack)));

        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
        Assert.Equal(2, viaJson.FindAll(".flipped").Count);
    }

    [Fact]
    public async Task A_masked_lm_attack_names_its_mask_not_an_entity()
    {
        await using var ctx = TestHost.Create();
        var attack = Records.HotFlip((1, "doctor", "positive", 0.7)) with { Label = new Interpret.Results.InstanceLabel("word", "she", "text", 3, 4) };
        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack));
        Assert.Equal("[MASK] text[3] → she", cut.Find(".attack-instance").TextContent);
    }
}
