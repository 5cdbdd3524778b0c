using Explorer.App.State;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>Which models the page offers for a side-by-side comparison.</summary>
public sealed class CompareChoiceTests
{
    static readonly ModelInfo Lstm = Model("sentiment-sst2-bilstm", "sentiment", ["negative", "positive"], "text");
    static readonly ModelInfo Bert = Model("sentiment-sst2-bert", "sentiment", ["negative", "positive"], "text");
    static readonly ModelInfo Esim = Model("nli-snli-esim", "nli", ["entailment", "contradiction", "neutral"], "premise", "hypothesis");
    static readonly ModelInfo Ner = Model("ner-a", "ner", ["O", "B-PER", "I-PER"], "text");
    static readonly ModelInfo Ner2 = Model("ner-b", "ner", ["O", "B-PER", "I-PER"], "text");
    static readonly ModelInfo Mlm = Model("mlm-gutenberg-bert", "masked-lm", [], "text");
    static readonly ModelInfo MiniLm = Model("sentiment-sst2-minilm", "sentiment", ["negative", "positive"], "text");
    static readonly ModelInfo MiniLmNli = Model("nli-snli-minilm", "nli", ["entailment", "contradiction", "neutral"], "premise", "hypothesis");
    static readonly IReadOnlyList<ModelInfo> All = [Esim, Lstm, Bert, Ner, Ner2, Mlm];
    static readonly IReadOnlyList<ModelInfo> WithPretrained = [.. All, MiniLm, MiniLmNli];

    [Fact]
    public void Models_of_the_same_task_and_fields_are_offered()
    {
        Assert.Equal([Bert], CompareChoice.Candidates(Lstm, All));
        Assert.Equal([Lstm], CompareChoice.Candidates(Bert, All));
        Assert.Empty(CompareChoice.Candidates(Esim, All));
        Assert.Empty(CompareChoice.Candidates(Mlm, All));
    }

    [Fact]
    public void Sentiment_offers_BiLSTM_MiniLM_and_the_small_BERT_and_entailment_ESIM_and_MiniLM()
    {
        Assert.Equal([Bert, MiniLm], CompareChoice.Candidates(Lstm, WithPretrained));
        Assert.Equal([Bert, Lstm], CompareChoice.Candidates(MiniLm, WithPretrained)); // by id
        Assert.Equal([MiniLmNli], CompareChoice.Candidates(Esim, WithPretrained));
        Assert.Equal([Esim], CompareChoice.Candidates(MiniLmNli, WithPretrained));
    }

    [Fact]
    public void Taggers_are_not_compared_because_entity_indices_do_not_carry_over()
    {
        Assert.Empty(CompareChoice.Candidates(Ner, All));
    }

    [Fact]
    public void A_choice_that_no_longer_fits_the_model_is_dropped()
    {
        Assert.Equal(Bert.Id, CompareChoice.Valid(Bert.Id, Lstm, All));
        Assert.Null(CompareChoice.Valid(Bert.Id, Esim, All));
        Assert.Null(CompareChoice.Valid(Lstm.Id, Lstm, All));
        Assert.Null(CompareChoice.Valid(null, Lstm, All));
    }

    static ModelInfo Model(string id, string task, string[] labels, params string[] fields) =>
        new(id, task, "hash", labels, fields, []);
}
