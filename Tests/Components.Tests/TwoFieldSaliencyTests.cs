using System.Globalization;
using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>Entailment: the premise and the hypothesis one above the other, on one colour scale.</summary>
public class TwoFieldSaliencyTests
{
    /// <summary>Each field has a token of |score| 0.6 (one positive, one negative) and a weaker one.</summary>
    static InterpretedInstance Pair() => Records.Instance("entailment",
        ("premise", ["a", "man", "plays", "guitar"], [0.1, 0.6, 0.2, 0.3]),
        ("hypothesis", ["a", "person", "performs"], [0.05, -0.6, 0.15]));

    [Fact]
    public async Task Premise_row_comes_before_the_hypothesis_row_each_with_its_own_tokens()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Interpretation, Records.Interpretation("simple-gradient", Pair())));

        var rows = cut.FindAll(".saliency-instance > .saliency-field");
        Assert.Equal(["premise", "hypothesis"], rows.Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["a", "man", "plays", "guitar"], rows[0].QuerySelectorAll(".saliency-token").Select(t => t.TextContent));
        Assert.Equal(["a", "person", "performs"], rows[1].QuerySelectorAll(".saliency-token").Select(t => t.TextContent));
        Assert.All(rows[0].QuerySelectorAll(".saliency-token"), t => Assert.Equal("premise", t.GetAttribute("data-field")));
        // Rows are siblings in one instance section (block rows: the hypothesis sits under the premise), with one legend.
        Assert.Single(cut.FindAll(".saliency-instance"));
        Assert.Single(cut.FindAll(".color-legend"));
    }

    [Fact]
    public async Task Equal_magnitudes_get_equal_colour_in_both_fields()
    {
        await using var ctx = TestHost.Create();
        foreach (var signed in new[] { false, true })
        {
            var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, Pair()).Add(x => x.Signed, signed));
            var man = cut.Find(".saliency-token[data-field=premise][data-position='1']");
            var person = cut.Find(".saliency-token[data-field=hypothesis][data-position='1']");

            // Same |score| → same intensity; the hue differs only by sign on the signed scale.
            Assert.Equal(TestHost.Alpha(man), TestHost.Alpha(person));
            Assert.Equal(1, TestHost.Alpha(man));
            if (signed)
            {
                Assert.Equal(ColorScale.Positive, ToRgb(TestHost.Hue(man)));
                Assert.Equal(ColorScale.Negative, ToRgb(TestHost.Hue(person)));
            }
            else
            {
                Assert.Equal(man.GetAttribute("style"), person.GetAttribute("style"));
            }

            // One scale: a token's intensity is |score| / the largest |score| of either field.
            var scale = cut.FindAll(".saliency-token").Max(t => Math.Abs(Score(t)));
            Assert.All(cut.FindAll(".saliency-token"), t => Assert.Equal(Math.Abs(Score(t)) / scale, TestHost.Alpha(t), 3));
        }
    }

    [Fact]
    public async Task A_field_of_weak_scores_is_not_stretched_to_full_colour()
    {
        await using var ctx = TestHost.Create();
        // Every hypothesis score is a tenth of the premise's largest: on a per-field scale 'cat' would be full colour.
        var instance = Records.Instance("neutral",
            ("premise", ["the", "dog", "sleeps"], [0.1, 1.0, 0.2]),
            ("hypothesis", ["a", "cat"], [0.05, 0.1]));
        var cut = ctx.Render<SaliencyHeatmap>(p => p.Add(x => x.Instance, instance).Add(x => x.Signed, true));

        var cat = cut.Find(".saliency-token[data-field=hypothesis][data-position='1']");
        var the = cut.Find(".saliency-token[data-field=premise][data-position='0']");
        Assert.Equal(0.1, TestHost.Alpha(cat), 3);
        Assert.Equal(TestHost.Alpha(the), TestHost.Alpha(cat));
        Assert.Contains("+1.00", cut.Find(".color-legend").TextContent);
    }

    static double Score(AngleSharp.Dom.IElement token) => double.Parse(token.GetAttribute("data-score")!, CultureInfo.InvariantCulture);

    static Rgb ToRgb((int R, int G, int B) c) => new((byte)c.R, (byte)c.G, (byte)c.B);
}
