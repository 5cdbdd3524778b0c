using System.Globalization;

namespace Interpret.Components.Tests;

public class ColorScaleTests
{
    [Fact]
    public void Diverging_intensity_grows_with_magnitude_and_hue_follows_sign()
    {
        var scores = new[] { 0.0, 0.1, 0.25, 0.5, 0.9, 1.0 };
        var positive = scores.Select(s => ColorScale.Diverging(s, 1.0)).ToList();
        var negative = scores.Select(s => ColorScale.Diverging(-s, 1.0)).ToList();

        for (var i = 1; i < scores.Length; i++)
        {
            Assert.True(positive[i].Intensity > positive[i - 1].Intensity);
            Assert.True(negative[i].Intensity > negative[i - 1].Intensity);
        }
        Assert.Equal(0, positive[0].Intensity);
        Assert.Equal(1, positive[^1].Intensity);
        Assert.StartsWith("rgba(178, 24, 43,", positive[3].Background);  // red supports
        Assert.StartsWith("rgba(33, 102, 172,", negative[3].Background); // blue opposes
    }

    [Fact]
    public void Sequential_intensity_grows_with_score_in_its_own_hue()
    {
        var low = ColorScale.Sequential(0.1, 0.4);
        var high = ColorScale.Sequential(0.3, 0.4);

        Assert.True(high.Intensity > low.Intensity);
        Assert.Equal(0.25, low.Intensity, 9);
        Assert.StartsWith("rgba(84, 39, 143,", high.Background);
        Assert.Equal(high.Background, ColorScale.For(0.3, 0.4, signed: false).Background);
    }

    [Fact]
    public void Scores_beyond_the_scale_clamp_and_an_empty_scale_stays_uncoloured()
    {
        Assert.Equal(1, ColorScale.Diverging(5, 1).Intensity);
        Assert.Equal(1, ColorScale.Diverging(-5, 1).Intensity);
        Assert.Equal(0, ColorScale.Diverging(0.3, 0).Intensity);
        Assert.Equal(0, ColorScale.Sequential(double.NaN, 1).Intensity);
        Assert.Equal("rgba(84, 39, 143, 0)", ColorScale.Sequential(0, 0).Background);
    }

    [Fact]
    public void Text_turns_white_on_strong_colours_and_keeps_the_theme_colour_on_faint_ones()
    {
        Assert.Equal(ColorScale.StrongText, ColorScale.Diverging(1, 1).Foreground);
        Assert.Equal(ColorScale.StrongText, ColorScale.Diverging(-1, 1).Foreground);
        Assert.Equal(ColorScale.StrongText, ColorScale.Sequential(1, 1).Foreground);
        Assert.Equal(ColorScale.ThemeText, ColorScale.Diverging(0.1, 1).Foreground);
        Assert.Equal(ColorScale.ThemeText, ColorScale.Sequential(0, 1).Foreground);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void The_chosen_text_colour_meets_WCAG_AA_over_a_white_page(double score)
    {
        foreach (var (hue, color) in new[] { (ColorScale.Positive, ColorScale.Diverging(score, 1)),
                     (ColorScale.Negative, ColorScale.Diverging(-score, 1)), (ColorScale.Magnitude, ColorScale.Sequential(score, 1)) })
        {
            var background = hue.OverWhite(color.Intensity).Luminance;
            // Light theme text is near black (luminance ~0); white is 1.
            var text = color.Foreground == ColorScale.StrongText ? 1.0 : 0.0;
            var contrast = (Math.Max(background, text) + 0.05) / (Math.Min(background, text) + 0.05);
            Assert.True(contrast >= 4.5, $"contrast {contrast:0.00} for {color.Background} with {color.Foreground}");
        }
    }

    [Fact]
    public void Css_is_culture_independent()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("rgba(178, 24, 43, 0.5)", ColorScale.Diverging(0.5, 1).Background);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Legend_gradient_matches_the_mode()
    {
        Assert.Contains("rgba(33, 102, 172, 1)", ColorScale.LegendGradient(signed: true));
        Assert.Contains("rgba(178, 24, 43, 1)", ColorScale.LegendGradient(signed: true));
        Assert.DoesNotContain("178, 24, 43", ColorScale.LegendGradient(signed: false));
    }

    [Fact]
    public void Ranks_order_by_magnitude_and_break_ties_by_position()
    {
        Assert.Equal([3, 1, 4, 2], ScoreRanking.Ranks([0.2, -0.9, 0.1, 0.5]));
        Assert.Equal([1, 2, 3], ScoreRanking.Ranks([0.3, -0.3, 0.3]));
    }
}
