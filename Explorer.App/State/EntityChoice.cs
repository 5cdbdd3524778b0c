using Interpret.Results;

namespace Explorer.App.State;

/// <summary>Which entity of a tagger's prediction a run explains. Taggers (NER) make one labeled instance per
/// entity; the page sends the chosen entity's index as the methods' <c>Instance</c> option. Null means every entity,
/// which only saliency methods can show (an attack works on one instance, so it gets the first).</summary>
public static class EntityChoice
{
    /// <summary>A model whose labels are BIO tags: its predictions carry entities to choose from.</summary>
    public static bool IsTagger(ModelInfo model) =>
        model.Task == "ner" || model.Labels.Any(l => l.StartsWith("B-", StringComparison.Ordinal));

    /// <summary>The first entity when the prediction has any, else none.</summary>
    public static int? Default(Prediction prediction) => prediction.Entities is { Count: > 0 } ? 0 : null;

    /// <summary>The <c>Instance</c> option for a run: the choice, the first entity for an attack when "all" is chosen,
    /// nothing for a classifier or a sentence without entities.</summary>
    public static int? InstanceFor(Prediction prediction, int? choice, bool isAttack) =>
        prediction.Entities is { Count: > 0 } entities
            ? choice is int i && i < entities.Count ? i : isAttack ? 0 : null
            : null;
}
