using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Tests.Ner;

namespace Interpret.Core.Tests.Text;

/// <summary>A prediction counts the tokens its model has no representation of, per field, so the page can say when an
/// answer rests on unknown words (Chinese or Arabic text on an English model).</summary>
public class UnknownTokensTests
{
    [Fact]
    public void A_classifier_counts_the_words_its_vocabulary_lacks_case_as_it_tokenises()
    {
        using var predictor = TinyModels.BiLstm();
        Assert.Null(predictor.Predict(TinyModels.Text(predictor, "The movie was GREAT !")).UnknownTokens);

        var prediction = predictor.Predict(TinyModels.Text(predictor, "the movie 很 好 看"));
        Assert.Equal(3, prediction.UnknownTokens!["text"]);
    }

    [Fact]
    public void Each_field_of_a_pair_has_its_own_count()
    {
        using var predictor = TinyModels.Esim();
        var prediction = predictor.Predict(TinyModels.Pair(predictor, "the plot was fun", "الفيلم رائع"));
        Assert.False(prediction.UnknownTokens!.ContainsKey("premise"));
        Assert.Equal(2, prediction.UnknownTokens["hypothesis"]);
    }

    [Fact]
    public void The_tagger_knows_a_word_in_any_case_because_its_table_is_lower_cased()
    {
        using var predictor = TinyTagger.Create();
        Assert.Null(predictor.Predict(TinyTagger.Text(predictor, "JOHN works at google .")).UnknownTokens);
        Assert.Equal(2, predictor.Predict(TinyTagger.Text(predictor, "John works at Contoso Ltd")).UnknownTokens!["text"]);
    }
}
