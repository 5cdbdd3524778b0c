using System.Globalization;

namespace Interpret.Components.Tests;

public class ReductionViewTests
{
    static Interpret.Results.Attack TwoRemovals() => Records.Reduction((0, 0.94), (2, 0.91));

    [Fact]
    public async Task Strikes_exactly_the_removed_tokens()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, TwoRemovals()));

        var struck = cut.FindAll(".reduction-original s");
        Assert.Equal([0, 2], struck.Select(TestHost.Position));
        Assert.Equal([0, 2], cut.FindAll(".removed").Select(TestHost.Position));
        Assert.Equal(["the", "was"], cut.FindAll(".removed").Select(t => t.TextContent));
        // Every original token is still listed, in order.
        Assert.Equal(["the", "movie", "was", "great", "fun"], cut.FindAll(".reduction-original .reduction-token").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Shows_the_reduced_input()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, TwoRemovals()));
        Assert.Equal(["movie", "great", "fun"], cut.FindAll(".reduction-result .reduction-token").Select(t => t.TextContent));
        Assert.Contains("5 → 3 tokens", cut.Find(".attack-summary").TextContent);
    }

    [Fact]
    public async Task Timeline_has_one_entry_per_step_with_the_original_label_confidence()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, TwoRemovals()));

        var steps = cut.FindAll("li.reduction-step");
        Assert.Equal(["1", "2"], steps.Select(s => s.GetAttribute("data-step")));
        Assert.Equal([0.94, 0.91], steps.Select(s => double.Parse(s.GetAttribute("data-confidence")!, CultureInfo.InvariantCulture)));
        Assert.Contains("text[0] 'the' removed", steps[0].TextContent);
        Assert.Contains("text[2] 'was' removed", steps[1].TextContent);
        Assert.Contains("'positive' 91.0%", steps[1].TextContent);

        Assert.Equal("95.0%", cut.Find(".reduction-confidence [data-when=before]").TextContent);
        Assert.Equal("91.0%", cut.Find(".reduction-confidence [data-when=after]").TextContent);
    }

    [Fact]
    public async Task A_longer_streamed_record_strikes_the_new_removal()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, Records.Reduction((0, 0.94)) with { Complete = false }));
        Assert.Equal([0], cut.FindAll(".removed").Select(TestHost.Position));
        Assert.Contains("running", cut.Markup);

        cut.Render(p => p.Add(x => x.Attack, Records.Reduction((0, 0.94), (2, 0.91), (4, 0.88))));
        Assert.Equal([0, 2, 4], cut.FindAll(".removed").Select(TestHost.Position));
        Assert.Equal(3, cut.FindAll("li.reduction-step").Count);
        Assert.Equal("88.0%", cut.Find(".reduction-confidence [data-when=after]").TextContent);
        Assert.DoesNotContain("running", cut.Markup);
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var attack = TwoRemovals();
        var direct = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, attack));
        var viaJson = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, TestHost.RoundTrip(attack)));

        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
        Assert.Equal(2, viaJson.FindAll(".removed").Count);
    }
}
