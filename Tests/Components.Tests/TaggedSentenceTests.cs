using AngleSharp.Dom;
using Interpret.Results;

namespace Interpret.Components.Tests;

public class TaggedSentenceTests
{
    static IReadOnlyList<IElement> Chips(IRenderedComponent<TaggedSentence> cut) => cut.FindAll("button.entity-chip");

    static string Words(IElement chip) => string.Join(' ', chip.QuerySelectorAll(".tagged-token").Select(t => t.TextContent));

    [Fact]
    public async Task Each_entity_is_one_chip_with_its_words_type_span_and_probability()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()));

        var chips = Chips(cut);
        Assert.Equal(["John Smith", "Microsoft", "Seattle"], chips.Select(Words));
        Assert.Equal(["PER", "ORG", "LOC"], chips.Select(c => c.GetAttribute("data-type")));
        Assert.Equal(["PER", "ORG", "LOC"], chips.Select(c => c.QuerySelector(".entity-type")!.TextContent));
        Assert.Equal(["entity-0", "entity-1", "entity-2"], chips.Select(c => c.Id));
        Assert.Equal(["0", "1", "2"], chips.Select(c => c.GetAttribute("data-entity")));
        Assert.Equal(["3", "7", "10"], chips.Select(c => c.GetAttribute("data-start")));
        Assert.Equal(["5", "8", "11"], chips.Select(c => c.GetAttribute("data-end")));
        Assert.Equal(["0.98", "0.91", "0.87"], chips.Select(c => c.GetAttribute("data-probability")));
        Assert.Contains("ORG: Microsoft (91.0%)", chips[1].GetAttribute("title"));
    }

    [Fact]
    public async Task Every_token_shows_once_in_order_with_its_BIO_tag()
    {
        await using var ctx = TestHost.Create();
        var prediction = Records.Ner();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, prediction));

        var tokens = cut.FindAll(".tagged-token");
        Assert.Equal(prediction.Fields[0].Tokens.Select(t => t.Text), tokens.Select(t => t.TextContent));
        Assert.Equal(prediction.Tags!, tokens.Select(t => t.GetAttribute("data-tag")));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i.ToString()), tokens.Select(t => t.GetAttribute("data-position")));
        Assert.Equal("B-ORG", tokens[7].GetAttribute("title"));
        // Reads as typed: "Seattle." has no space before the full stop.
        var sentence = cut.Find(".tagged-tokens");
        Assert.Equal("text", sentence.GetAttribute("data-field"));
        Assert.Contains("downtown Seattle", sentence.TextContent);
        var seattle = cut.Find("#entity-2");
        Assert.Equal(".", seattle.NextSibling!.TextContent);
        Assert.Equal(" ", seattle.PreviousSibling!.TextContent);
        Assert.Empty(cut.FindAll(".token-tag"));

        cut.Render(p => p.Add(x => x.ShowTags, true));
        Assert.Equal(prediction.Tags!, cut.FindAll(".token-tag").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Chips_are_coloured_by_type_the_same_type_the_same_colour()
    {
        await using var ctx = TestHost.Create();
        var two = Records.Ner() with
        {
            Entities = [new("tag", "PER", "text", 3, 5), new("tag", "PER", "text", 7, 8), new("tag", "LOC", "text", 10, 11)],
        };
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, two));

        var colours = Chips(cut).Select(Background).ToList();
        Assert.Equal(colours[0], colours[1]);
        Assert.NotEqual(colours[0], colours[2]);
        Assert.Equal(EntityColors.For("PER"), colours[0]);
        Assert.Equal(EntityColors.For("LOC"), colours[2]);

        var figure1 = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()));
        Assert.Equal(3, Chips(figure1).Select(Background).Distinct().Count());
        // Unknown types get a stable colour too.
        Assert.Equal(EntityColors.For("ANIMAL"), EntityColors.For("animal"));
        Assert.StartsWith("#", EntityColors.For("ANIMAL"));
    }

    static string Background(IElement chip)
    {
        var style = chip.GetAttribute("style")!;
        var at = style.IndexOf("background-color:", StringComparison.Ordinal);
        return style[(at + "background-color:".Length)..].Split(';')[0].Trim();
    }

    [Fact]
    public async Task Clicking_a_chip_selects_it_and_reports_its_entity_index()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<TaggedSentence>(p => p
            .Add(x => x.Prediction, Records.Ner())
            .Add(x => x.SelectedEntity, 0)
            .Add(x => x.SelectedEntityChanged, e => reported.Add(e)));
        Assert.Equal(["true", "false", "false"], Chips(cut).Select(c => c.GetAttribute("aria-pressed")));

        cut.Find("#entity-1").Click();

        Assert.Equal([1], reported);
        Assert.Equal(["false", "true", "false"], Chips(cut).Select(c => c.GetAttribute("aria-pressed")));
        Assert.Equal("entity-1", cut.Find(".entity-chip.selected").Id);

        // Pressing the chosen chip again keeps it chosen and reports nothing.
        cut.Find("#entity-1").Click();
        Assert.Equal([1], reported);

        cut.Find("#entity-2").Click();
        Assert.Equal([1, 2], reported);
    }

    [Fact]
    public async Task Two_way_binding_follows_the_parent()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()).Add(x => x.SelectedEntity, 2));
        Assert.Equal("entity-2", cut.Find(".entity-chip.selected").Id);

        cut.Render(p => p.Add(x => x.SelectedEntity, 0));
        Assert.Equal("entity-0", cut.Find(".entity-chip.selected").Id);

        cut.Render(p => p.Add(x => x.SelectedEntity, (int?)null));
        Assert.Empty(cut.FindAll(".entity-chip.selected"));
    }

    [Fact]
    public async Task All_entities_selects_null()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<TaggedSentence>(p => p
            .Add(x => x.Prediction, Records.Ner())
            .Add(x => x.SelectedEntity, 1)
            .Add(x => x.AllowAll, true)
            .Add(x => x.SelectedEntityChanged, e => reported.Add(e)));

        var all = cut.Find("#entity-all");
        Assert.Equal("false", all.GetAttribute("aria-pressed"));
        all.Click();

        Assert.Equal([null], reported);
        Assert.Equal("true", cut.Find("#entity-all").GetAttribute("aria-pressed"));
        Assert.All(Chips(cut), c => Assert.Equal("false", c.GetAttribute("aria-pressed")));

        var without = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()));
        Assert.Empty(without.FindAll("#entity-all"));
    }

    [Fact]
    public async Task Chips_are_native_buttons_reachable_by_keyboard_with_accessible_names()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()).Add(x => x.SelectedEntity, 1));

        // Native buttons: Tab reaches them, Enter and Space press them, no script needed.
        Assert.All(Chips(cut), c =>
        {
            Assert.Equal("BUTTON", c.TagName);
            Assert.Equal("button", c.GetAttribute("type"));
            Assert.Null(c.GetAttribute("tabindex"));
            Assert.False(c.HasAttribute("disabled"));
            Assert.NotNull(c.GetAttribute("aria-pressed"));
        });
        // The name says the words, the type and the probability; the visible type label is not read twice.
        var microsoft = cut.Find("#entity-1");
        Assert.Equal("true", microsoft.QuerySelector(".entity-type")!.GetAttribute("aria-hidden"));
        Assert.Equal(", ORG 91.0%", microsoft.QuerySelector(".visually-hidden")!.TextContent);
        var group = cut.Find("[role=group]");
        Assert.Equal("text: 3 entities; pick one to interpret", group.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Disabled_chips_show_the_choice_but_do_not_change_it()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<TaggedSentence>(p => p
            .Add(x => x.Prediction, Records.Ner())
            .Add(x => x.SelectedEntity, 0)
            .Add(x => x.Disabled, true)
            .Add(x => x.SelectedEntityChanged, e => reported.Add(e)));

        Assert.All(Chips(cut), c => Assert.True(c.HasAttribute("disabled")));
        Assert.Equal("entity-0", cut.Find(".entity-chip.selected").Id);
    }

    [Fact]
    public async Task No_entities_renders_the_plain_sentence()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.NerWithoutEntities()).Add(x => x.AllowAll, true));

        Assert.Empty(Chips(cut));
        Assert.Empty(cut.FindAll("#entity-all"));
        Assert.Equal(["it", "rained", "all", "day"], cut.FindAll(".tagged-token").Select(t => t.TextContent));
        Assert.Equal("it rained all day", cut.Find(".tagged-tokens").TextContent);
        Assert.Contains("No entities", cut.Find(".tagged-none").TextContent);

        // A classifier's prediction (no tags at all) reads the same way.
        var classifier = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Prediction("positive", ("positive", 1.0))));
        Assert.Equal("a fine film", classifier.Find(".tagged-tokens").TextContent);
        Assert.Empty(classifier.FindAll("button"));
    }

    [Fact]
    public async Task Id_prefix_lets_a_page_show_two()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()).Add(x => x.IdPrefix, "after").Add(x => x.AllowAll, true));
        Assert.Equal(["after-0", "after-1", "after-2", "after-all"], cut.FindAll("button").Select(b => b.Id));
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var direct = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, Records.Ner()).Add(x => x.SelectedEntity, 1));
        var viaJson = ctx.Render<TaggedSentence>(p => p.Add(x => x.Prediction, TestHost.RoundTrip(Records.Ner())).Add(x => x.SelectedEntity, 1));
        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
    }
}
