using Interpret.Results;

namespace Interpret.Components.Tests;

public class UnknownWordsNoteTests
{
    static Prediction WithUnknown(int unknown, params string[] words) =>
        Records.Prediction("positive", ("positive", 0.97), ("negative", 0.03)) with
        {
            Fields = [Records.Field("text", words)],
            UnknownTokens = unknown == 0 ? null : new Dictionary<string, int> { ["text"] = unknown },
        };

    [Fact]
    public async Task Most_tokens_unknown_gets_a_warning_that_says_how_many()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<UnknownWordsNote>(p => p.Add(x => x.Prediction, WithUnknown(3, "这", "部", "电影", "great")));
        Assert.Equal("3 of the 4 tokens of the text are unknown to this model, so its answer says little about this text.",
            cut.Find(".unknown-words").TextContent.Trim());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)] // half is not most
    public async Task A_few_unknown_tokens_say_nothing(int unknown)
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<UnknownWordsNote>(p => p.Add(x => x.Prediction, WithUnknown(unknown, "a", "Zyxwv", "film", "Qwrtz")));
        Assert.Empty(cut.FindAll(".unknown-words"));
    }

    [Fact]
    public async Task Token_rows_follow_the_texts_own_direction()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Records.Sentiment()));
        Assert.All(cut.FindAll(".saliency-tokens"), row => Assert.Equal("auto", row.GetAttribute("dir")));
    }
}
