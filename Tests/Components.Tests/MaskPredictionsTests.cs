using AngleSharp.Dom;

namespace Interpret.Components.Tests;

public class MaskPredictionsTests
{
    static IReadOnlyList<IElement> Chips(IRenderedComponent<MaskPredictions> cut) => cut.FindAll("button.mask-chip");

    static string[] Words(IElement section) => section.QuerySelectorAll(".mask-candidate").Select(c => c.GetAttribute("data-word")!).ToArray();

    [Fact]
    public async Task One_mask_is_one_chip_with_its_best_guess_and_the_top_five_words_in_order()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.OneMask()));

        var chip = Assert.Single(Chips(cut));
        Assert.Equal("mask-0", chip.Id);
        Assert.Equal("0", chip.GetAttribute("data-mask"));
        Assert.Equal("4", chip.GetAttribute("data-position"));
        Assert.Equal("text", chip.GetAttribute("data-field"));
        Assert.Equal("she", chip.GetAttribute("data-word"));
        Assert.Equal("0.62", chip.GetAttribute("data-probability"));
        Assert.Equal("she", chip.QuerySelector(".mask-guess")!.TextContent);
        Assert.Contains("she (62.0%)", chip.GetAttribute("title"));

        // Default k = 5 of the record's ten, most likely first, with percentages and bars as wide as the probability.
        var list = cut.Find("#mask-0-candidates");
        Assert.Equal(["she", "he", "it", "they", "i"], Words(list));
        var candidates = list.QuerySelectorAll(".mask-candidate");
        Assert.Equal(["62.0%", "21.0%", "5.0%", "4.0%", "3.0%"], candidates.Select(c => c.QuerySelector(".mask-probability")!.TextContent));
        Assert.Equal(["1", "2", "3", "4", "5"], candidates.Select(c => c.GetAttribute("data-rank")));
        Assert.Equal(["0.62", "0.21", "0.05", "0.04", "0.03"], candidates.Select(c => c.GetAttribute("data-probability")));
        Assert.Contains("width: 62%", candidates[0].QuerySelector(".mask-bar-fill")!.GetAttribute("style"));
        Assert.Contains("best", candidates[0].ClassList);
        Assert.DoesNotContain("best", candidates[1].ClassList);
    }

    [Fact]
    public async Task TopK_sets_how_many_words_each_mask_lists()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.OneMask()).Add(x => x.TopK, 10));
        Assert.Equal(10, cut.FindAll(".mask-candidate").Count);
        Assert.Equal("you", cut.FindAll(".mask-candidate")[9].GetAttribute("data-word"));

        cut.Render(p => p.Add(x => x.TopK, 2));
        Assert.Equal(["she", "he"], Words(cut.Find("#mask-0-candidates")));
    }

    [Fact]
    public async Task Two_masks_get_two_chips_and_two_lists_in_mask_order()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.TwoMasks()).Add(x => x.TopK, 3));

        var chips = Chips(cut);
        Assert.Equal(["mask-0", "mask-1"], chips.Select(c => c.Id));
        Assert.Equal(["5", "7"], chips.Select(c => c.GetAttribute("data-position")));
        Assert.Equal(["she", "him"], chips.Select(c => c.GetAttribute("data-word")));
        Assert.Equal([", mask 1 50.0%", ", mask 2 40.0%"], chips.Select(c => c.QuerySelector(".visually-hidden")!.TextContent));

        var lists = cut.FindAll("section.mask-candidates");
        Assert.Equal(["0", "1"], lists.Select(l => l.GetAttribute("data-mask")));
        Assert.Equal(["5", "7"], lists.Select(l => l.GetAttribute("data-position")));
        Assert.Equal(["she", "he", "they"], Words(lists[0]));
        Assert.Equal(["him", "her", "them"], Words(lists[1]));
        Assert.Equal(["40.0%", "35.0%", "15.0%"], lists[1].QuerySelectorAll(".mask-probability").Select(e => e.TextContent));
        Assert.Equal("text: 2 masks; pick one to interpret", cut.Find("[role=group]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_sentence_reads_as_typed_pieces_joined_and_special_tokens_left_out()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.TwoMasks()));

        var tokens = cut.FindAll(".mask-sentence-token");
        // un ##bel ##ievably show the typed letters, side by side: "Unbelievably".
        Assert.Equal(["Un", "bel", "ievably", ",", "met", "today", "."], tokens.Select(t => t.TextContent));
        Assert.Equal(["1", "2", "3", "4", "6", "8", "9"], tokens.Select(t => t.GetAttribute("data-position")));
        var sentence = cut.Find(".mask-sentence");
        Assert.StartsWith("Unbelievably, ", sentence.TextContent);
        Assert.DoesNotContain("[CLS]", sentence.TextContent);
        Assert.DoesNotContain("[SEP]", sentence.TextContent);
        Assert.Equal(" ", cut.Find("#mask-1").PreviousSibling!.TextContent);
    }

    [Fact]
    public async Task Clicking_a_chip_selects_its_mask_and_reports_its_index()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<MaskPredictions>(p => p
            .Add(x => x.Prediction, MaskedLmRecords.TwoMasks())
            .Add(x => x.SelectedMask, 0)
            .Add(x => x.SelectedMaskChanged, m => reported.Add(m)));
        Assert.Equal(["true", "false"], Chips(cut).Select(c => c.GetAttribute("aria-pressed")));
        Assert.Equal("0", cut.Find("section.mask-candidates.selected").GetAttribute("data-mask"));

        cut.Find("#mask-1").Click();
        Assert.Equal([1], reported);
        Assert.Equal(["false", "true"], Chips(cut).Select(c => c.GetAttribute("aria-pressed")));
        Assert.Equal("mask-1", cut.Find(".mask-chip.selected").Id);
        Assert.Equal("1", cut.Find("section.mask-candidates.selected").GetAttribute("data-mask"));

        // Pressing the chosen chip again keeps it and reports nothing.
        cut.Find("#mask-1").Click();
        Assert.Equal([1], reported);

        // The parent's value wins when it changes (an unbound parent still passing 0 does not undo the click).
        cut.Render(p => p.Add(x => x.SelectedMask, 0));
        Assert.Equal("mask-1", cut.Find(".mask-chip.selected").Id);
        cut.Render(p => p.Add(x => x.SelectedMask, (int?)null));
        Assert.Empty(cut.FindAll(".mask-chip.selected"));
        cut.Render(p => p.Add(x => x.SelectedMask, 0));
        Assert.Equal("mask-0", cut.Find(".mask-chip.selected").Id);
    }

    [Fact]
    public async Task A_single_mask_chip_reports_index_zero()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<MaskPredictions>(p => p
            .Add(x => x.Prediction, MaskedLmRecords.OneMask())
            .Add(x => x.SelectedMaskChanged, m => reported.Add(m)));
        Assert.Empty(cut.FindAll(".mask-chip.selected"));

        cut.Find("#mask-0").Click();
        Assert.Equal([0], reported);
        Assert.Equal("true", cut.Find("#mask-0").GetAttribute("aria-pressed"));
        // "All masks" only makes sense for two or more.
        Assert.Empty(ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.OneMask()).Add(x => x.AllowAll, true)).FindAll("#mask-all"));
    }

    [Fact]
    public async Task Choosing_a_word_selects_its_mask_then_reports_the_word()
    {
        await using var ctx = TestHost.Create();
        var events = new List<string>();
        var cut = ctx.Render<MaskPredictions>(p => p
            .Add(x => x.Prediction, MaskedLmRecords.TwoMasks())
            .Add(x => x.SelectedMask, 0)
            .Add(x => x.SelectedMaskChanged, m => events.Add($"mask {m}"))
            .Add(x => x.OnWordChosen, w => events.Add($"word {w}")));

        var her = cut.Find("#mask-1-word-1");
        Assert.Equal("BUTTON", her.TagName);
        Assert.Equal("her", her.TextContent);
        her.Click();
        Assert.Equal(["mask 1", "word her"], events);
        Assert.Equal("mask-1", cut.Find(".mask-chip.selected").Id);

        // A word of the chosen mask reports only the word.
        cut.Find("#mask-1-word-0").Click();
        Assert.Equal(["mask 1", "word her", "word him"], events);
    }

    [Fact]
    public async Task Without_a_word_handler_candidates_are_plain_text()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.OneMask()));
        Assert.Empty(cut.FindAll("button.mask-word"));
        Assert.Equal(5, cut.FindAll("span.mask-word").Count);
    }

    [Fact]
    public async Task All_masks_selects_null_and_disabled_changes_nothing()
    {
        await using var ctx = TestHost.Create();
        var reported = new List<int?>();
        var cut = ctx.Render<MaskPredictions>(p => p
            .Add(x => x.Prediction, MaskedLmRecords.TwoMasks())
            .Add(x => x.SelectedMask, 1)
            .Add(x => x.AllowAll, true)
            .Add(x => x.SelectedMaskChanged, m => reported.Add(m)));
        cut.Find("#mask-all").Click();
        Assert.Equal([null], reported);
        Assert.Equal("true", cut.Find("#mask-all").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll(".mask-chip.selected"));

        var disabled = ctx.Render<MaskPredictions>(p => p
            .Add(x => x.Prediction, MaskedLmRecords.TwoMasks())
            .Add(x => x.SelectedMask, 0)
            .Add(x => x.Disabled, true)
            .Add(x => x.OnWordChosen, _ => reported.Add(-1)));
        Assert.All(disabled.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.Equal("mask-0", disabled.Find(".mask-chip.selected").Id);
    }

    [Fact]
    public async Task Chips_are_native_buttons_with_accessible_names()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.TwoMasks()));
        Assert.All(Chips(cut), c =>
        {
            Assert.Equal("button", c.GetAttribute("type"));
            Assert.Null(c.GetAttribute("tabindex"));
            Assert.Equal("true", c.QuerySelector(".mask-tag")!.GetAttribute("aria-hidden"));
        });
        Assert.Equal("mask 1 at text[5]: most likely words", cut.Find("#mask-0-candidates").GetAttribute("aria-label"));
        Assert.All(cut.FindAll(".mask-bar"), b => Assert.Equal("true", b.GetAttribute("aria-hidden")));
    }

    [Fact]
    public async Task A_prediction_without_masks_is_a_plain_sentence()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, Records.Prediction("positive", ("positive", 1.0))));
        Assert.Empty(cut.FindAll("button"));
        Assert.Equal("a fine film", cut.Find(".mask-sentence").TextContent);
        Assert.Contains("No [MASK]", cut.Find(".mask-none").TextContent);

        var empty = ctx.Render<MaskPredictions>();
        Assert.Contains("No prediction yet", empty.Find(".mask-empty").TextContent);
    }

    [Fact]
    public async Task A_json_round_trip_renders_the_same_markup()
    {
        await using var ctx = TestHost.Create();
        var direct = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, MaskedLmRecords.TwoMasks()).Add(x => x.SelectedMask, 1));
        var viaJson = ctx.Render<MaskPredictions>(p => p.Add(x => x.Prediction, TestHost.RoundTrip(MaskedLmRecords.TwoMasks())).Add(x => x.SelectedMask, 1));
        Assert.Equal(TestHost.StableMarkup(direct.Markup), TestHost.StableMarkup(viaJson.Markup));
    }
}
