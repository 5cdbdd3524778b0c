using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>NER results name the entity they explain: its type, words, span and probability.</summary>
public class EntityResultTests
{
    static readonly InstanceLabel Microsoft = new("tag", "ORG", "text", 7, 8);

    [Fact]
    public async Task A_saliency_instance_for_an_entity_is_titled_with_its_words_span_and_probability()
    {
        await using var ctx = TestHost.Create();
        var ner = Records.Ner();
        var field = ner.Fields[0];
        var raw = field.Tokens.Select((_, i) => i == 7 ? 0.8 : 0.1).ToArray();
        var total = raw.Sum();
        var instance = new InterpretedInstance(Microsoft, ner.Probabilities,
            [new FieldScores("text", field.Text, field.Tokens, raw, raw.Select(r => r / total).ToArray())]);
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, instance));

        Assert.Equal("ORG: Microsoft at text[7..8) (91.0%)", cut.Find(".saliency-label").TextContent);
        var section = cut.Find(".saliency-instance");
        Assert.Equal(("ORG", "7", "8"), (section.GetAttribute("data-label"), section.GetAttribute("data-start"), section.GetAttribute("data-end")));
        Assert.Equal(["Microsoft"], cut.FindAll(".saliency-token.label-span").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Input_reduction_of_an_entity_tracks_that_entitys_probability()
    {
        await using var ctx = TestHost.Create();
        var ner = Records.Ner();
        Prediction After(double microsoft) => ner with
        {
            Probabilities = [new("PER: John Smith", 0.9), new("ORG: Microsoft", microsoft), new("LOC: Seattle", 0.8)],
        };
        var steps = new List<AttackStep>
        {
            new(1, [new TokenChange("text", 0, "A", null)], After(0.93), 1),
            new(2, [new TokenChange("text", 9, "downtown", null)], After(0.89), 2),
        };
        var attack = new Attack("ner-conll2003-bilstm-crf", "sha256:abc", "input-reduction", new MethodOptions { Instance = 1, BeamSize = 3 },
            Microsoft, ner.Fields, ner, steps, ner.Fields, After(0.89), Succeeded: false, GradientPasses: 2, ElapsedMs: 20, Complete: true);

        var cut = ctx.Render<ReductionView>(p => p.Add(x => x.Attack, attack));

        Assert.Equal("entity ORG: Microsoft", cut.Find(".attack-instance").TextContent);
        Assert.Equal("ORG", cut.Find(".attack-instance").GetAttribute("data-label"));
        Assert.Contains("'ORG: Microsoft'", cut.Find(".reduction-confidence").TextContent);
        Assert.Equal("91.0%", cut.Find("[data-when=before]").TextContent);
        Assert.Equal("89.0%", cut.Find("[data-when=after]").TextContent);
        Assert.Equal(["0.93", "0.89"], cut.FindAll("li.reduction-step").Select(s => s.GetAttribute("data-confidence")));
        Assert.Contains("Microsoft", cut.Find(".reduction-result").TextContent);
    }

    [Fact]
    public async Task Hotflip_on_an_entity_names_it_and_shows_no_made_up_probability_for_the_summary()
    {
        await using var ctx = TestHost.Create();
        var ner = Records.Ner();
        var flipped = ner with
        {
            Label = "PER: John Smith · PER: Microsoft · LOC: Seattle",
            Probabilities = [new("PER: John Smith", 0.9), new("PER: Microsoft", 0.6), new("LOC: Seattle", 0.8)],
        };
        var attack = new Attack("ner-conll2003-bilstm-crf", "sha256:abc", "hotflip", new MethodOptions { Instance = 1 },
            Microsoft, ner.Fields, ner, [new AttackStep(1, [new TokenChange("text", 6, "at", "for")], flipped, 1)],
            ner.Fields, flipped, Succeeded: true, GradientPasses: 1, ElapsedMs: 20, Complete: true);

        var cut = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, attack));

        Assert.Equal("entity ORG: Microsoft", cut.Find(".attack-instance").TextContent);
        Assert.Equal("→ PER: John Smith · PER: Microsoft · LOC: Seattle", cut.Find(".attack-step-prediction").TextContent);
        // A class label has no entity; its probability shows as before.
        var sentiment = ctx.Render<FlipDiff>(p => p.Add(x => x.Attack, Records.HotFlip((3, "awful", "negative", 0.8))));
        Assert.Empty(sentiment.FindAll(".attack-instance"));
        Assert.Equal("→ negative (80.0%)", sentiment.Find(".attack-step-prediction").TextContent);
    }

    [Fact]
    public async Task A_taggers_prediction_has_no_probability_for_its_summary_label()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, Records.Ner()).Add(x => x.ShowChart, false));

        Assert.Equal("Predicted PER: John Smith · ORG: Microsoft · LOC: Seattle", cut.Find(".prediction-label").TextContent.Trim());
        Assert.Equal(["PER: John Smith", "ORG: Microsoft", "LOC: Seattle"], cut.FindAll("tr.probability-row").Select(r => r.GetAttribute("data-label")));

        var classifier = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, Records.TwoLabel("positive", 0.95)).Add(x => x.ShowChart, false));
        Assert.Equal("Predicted positive (95.0%)", classifier.Find(".prediction-label").TextContent.Trim());
    }

    [Fact]
    public async Task A_taggers_bars_take_their_entity_types_colours()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<PredictionView>(p => p.Add(x => x.Prediction, Records.Ner()));

        var bar = Assert.IsType<Plotly.Blazor.Traces.Bar>(Assert.Single(cut.FindComponent<Plotly.Blazor.PlotlyChart>().Instance.Data));
        Assert.Equal(new[] { "PER", "ORG", "LOC" }.Select(EntityColors.For), ((IEnumerable<object>)bar.Marker.Color).Cast<string>());
    }
}
