using Interpret.Results;

namespace Explorer.App.State;

/// <summary>Which models a result can be compared with side by side: the other models of the same task that read the
/// same input fields, so the same text and the same method mean the same question (e.g. the BiLSTM's and the BERT's
/// sentiment). Taggers are left out: their entity indices come from each model's own tags and need not name the same
/// entity in both.</summary>
public static class CompareChoice
{
    public static IReadOnlyList<ModelInfo> Candidates(ModelInfo model, IReadOnlyList<ModelInfo> models) =>
        EntityChoice.IsTagger(model)
            ? []
            : models.Where(m => m.Id != model.Id && m.Task == model.Task && m.InputFields.SequenceEqual(model.InputFields)
                                && !EntityChoice.IsTagger(m))
                .OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>The chosen comparison model if it still fits the current model, else none.</summary>
    public static string? Valid(string? chosen, ModelInfo model, IReadOnlyList<ModelInfo> models) =>
        chosen is not null && Candidates(model, models).Any(m => m.Id == chosen) ? chosen : null;
}
