using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.Tests;

[Collection(ExplorerCollection.Name)]
public sealed class AttackApiTests(ExplorerFactory factory)
{
    const string Text = "a gorgeous, witty and deeply moving film.";
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task HotFlip_returns_its_flips_step_by_step()
    {
        var attack = await (await _client.PostAsync(Api.Attack(MethodNames.HotFlip), Api.Request(Text))).ReadAsync<Attack>();

        Assert.Equal(MethodNames.HotFlip, attack.Method);
        Assert.True(attack.Complete);
        Assert.NotEmpty(attack.Steps);
        Assert.Equal(Enumerable.Range(1, attack.Steps.Count), attack.Steps.Select(s => s.Step));
        Assert.All(attack.Steps, s => Assert.All(s.Changes, c => Assert.NotNull(c.After)));
        Assert.Equal("text", attack.Options.Field);
        Assert.Equal(Text, Assert.Single(attack.OriginalFields).Text);
        Assert.Equal(attack.Original.Label, attack.Label.Value);
        Assert.Equal(attack.Succeeded, attack.Final.Label != attack.Original.Label);
        Assert.Equal(attack.Steps.Count + 1, attack.GradientPasses);
    }

    [Fact]
    public async Task Input_reduction_removes_tokens_while_the_prediction_holds()
    {
        var attack = await (await _client.PostAsync(Api.Attack(MethodNames.InputReduction), Api.Request(Text))).ReadAsync<Attack>();

        Assert.Equal(MethodNames.InputReduction, attack.Method);
        Assert.True(attack.Complete);
        Assert.Equal(3, attack.Options.BeamSize);
        Assert.NotEmpty(attack.Steps);
        Assert.All(attack.Steps, s => Assert.All(s.Changes, c => Assert.Null(c.After)));
        Assert.All(attack.Steps, s => Assert.Equal(attack.Original.Label, s.Prediction.Label));
        Assert.Equal(attack.Original.Label, attack.Final.Label);
        Assert.True(attack.FinalFields[0].Tokens.Count < attack.OriginalFields[0].Tokens.Count);
    }

    [Fact]
    public async Task A_targeted_hotflip_reports_its_target()
    {
        var body = Api.Request("the plot is thin and the jokes fall flat.", """{"target": "positive", "maxFlips": 3}""");
        var attack = await (await _client.PostAsync(Api.Attack(MethodNames.HotFlip), body)).ReadAsync<Attack>();

        Assert.Equal("positive", attack.Options.Target);
        Assert.Equal(3, attack.Options.MaxFlips);
        Assert.InRange(attack.Steps.Count, 1, 3);
    }
}
