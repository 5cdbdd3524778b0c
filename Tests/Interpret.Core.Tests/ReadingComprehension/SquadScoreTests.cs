using Interpret.Core.ReadingComprehension;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>The official SQuAD v1.1 EM and F1, on cases worked out by hand from the script's definitions.</summary>
public class SquadScoreTests
{
    [Theory]
    [InlineData("The Denver Broncos", "denver broncos")]
    [InlineData("an  apple,  a pear!", "apple pear")]
    [InlineData("Theory of the case", "theory of case")]
    [InlineData("the theatre", "theatre")] // "the" goes, "theatre" stays: articles are whole words
    [InlineData("Saint-Étienne's", "saintétiennes")] // ASCII punctuation goes, accents stay
    [InlineData("1,000,000", "1000000")]
    [InlineData("  \t\n ", "")]
    [InlineData("A.D. 1066", "ad 1066")]
    public void Normalisation_follows_the_official_script(string text, string normalised) =>
        Assert.Equal(normalised, SquadScore.Normalize(text));

    [Fact]
    public void Exact_match_is_the_maximum_over_references()
    {
        Assert.Equal(1, SquadScore.ExactMatch("the Broncos", ["Denver Broncos", "Broncos"]));
        Assert.Equal(0, SquadScore.ExactMatch("Broncos team", ["Denver Broncos", "Broncos"]));
    }

    [Fact]
    public void F1_counts_shared_words_with_multiplicity()
    {
        // prediction: denver broncos broncos (3 words); reference: broncos won (2); shared: one "broncos".
        // P = 1/3, R = 1/2, F1 = 2·(1/6)/(5/6) = 0.4
        Assert.Equal(0.4, SquadScore.F1("Denver Broncos Broncos", "the Broncos won"), 12);
        Assert.Equal(0, SquadScore.F1("Carolina Panthers", "Denver Broncos"));
        Assert.Equal(1, SquadScore.F1("the Denver Broncos.", "Denver Broncos"));
        // Everything normalised away on one side shares nothing.
        Assert.Equal(0, SquadScore.F1("the", "Denver"));
    }

    [Fact]
    public void F1_takes_the_best_reference()
    {
        // vs "Santa Clara, California": P = 1/2, R = 1/3 → 0.4; vs "Levi's Stadium": P = R = 1/2 → 0.5.
        Assert.Equal(0.5, SquadScore.F1("Levi's Santa", ["Santa Clara, California", "Levi's Stadium"]), 12);
    }

    [Fact]
    public void Totals_average_as_percentages()
    {
        var totals = new SquadScore.Totals();
        totals.Add("Denver Broncos", ["Denver Broncos"]);
        totals.Add("Denver", ["Denver Broncos"]); // EM 0, F1 = 2·1·0.5/1.5 = 2/3
        Assert.Equal(50, totals.ExactMatch, 10);
        Assert.Equal(100 * (1 + 2.0 / 3) / 2, totals.F1, 10);
        Assert.Equal(2, totals.Count);
    }
}
