using Interpret.Results;

namespace Components.Tests;

public sealed class WordScoresTests
{
    // "Unbelievably good" as [CLS] un ##bel ##ievably good [SEP]
    static readonly FieldScores Pieces = new("text", "Unbelievably good",
        [Token.Inserted("[CLS]"), new("un", 0, 2), new("##bel", 2, 5), new("##ievably", 5, 12), new("good", 13, 17), Token.Inserted("[SEP]")],
        [0.5, 1.0, -0.4, 0.3, 2.0, -0.1], [0, 0, 0, 0, 0, 0]);

    [Fact]
    public void Sum_joins_continuation_pieces_into_the_typed_word()
    {
        var words = WordScores.Aggregate(Pieces, WordAggregation.Sum);
        Assert.Equal(["[CLS]", "Unbelievably", "good", "[SEP]"], words.Tokens.Select(t => t.Text));
        Assert.Equal((0, 12), (words.Tokens[1].Start, words.Tokens[1].End));
        Assert.Equal(0.9, words.Raw[1], 12);
        Assert.Equal(2.0, words.Raw[2], 12);
        Assert.Equal(1.0, words.Normalized.Sum(), 12);
        Assert.Equal(2.0 / (0.5 + 0.9 + 2.0 + 0.1), words.Normalized[2], 12);
    }

    [Fact]
    public void Mean_divides_by_the_number_of_pieces()
    {
        var words = WordScores.Aggregate(Pieces, WordAggregation.Mean);
        Assert.Equal(0.3, words.Raw[1], 12);
        Assert.Equal(-0.1, words.Raw[3], 12);
    }

    [Fact]
    public void Fields_without_pieces_are_unchanged()
    {
        var plain = new FieldScores("text", "good film", [new("good", 0, 4), new("film", 5, 9)], [1, 2], [1 / 3.0, 2 / 3.0]);
        Assert.Same(plain, WordScores.Aggregate(plain, WordAggregation.Sum));
    }
}
