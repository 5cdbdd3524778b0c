using Interpret.Results;

namespace Explorer.App.State;

/// <summary>Which part of a structured prediction a run explains: a tagger's entity or a coreference model's cluster.
/// Both make one labeled instance per part; the page sends the chosen part's index as the methods' <c>Instance</c>
/// option. Null means every part, which only saliency methods can show (an attack works on one instance, so it gets
/// the first).</summary>
public static class EntityChoice
{
    /// <summary>A model whose labels are BIO tags: its predictions carry entities to choose from.</summary>
    public static bool IsTagger(ModelInfo model) =>
        model.Task == "ner" || model.Labels.Any(l => l.StartsWith("B-", StringComparison.Ordinal));

    /// <summary>How many entities or clusters the prediction has; null for a prediction without parts (a classifier's).</summary>
    public static int? Parts(Prediction prediction) => prediction.Entities?.Count ?? prediction.Clusters?.Count;

    /// <summary>The first part when the prediction has any, else none.</summary>
    public static int? Default(Prediction prediction) => Parts(prediction) is > 0 ? 0 : null;

    /// <summary>The <c>Instance</c> option for a run: the choice, the first part for an attack when "all" is chosen,
    /// nothing for a classifier or a text without entities or clusters.</summary>
    public static int? InstanceFor(Prediction prediction, int? choice, bool isAttack) =>
        Parts(prediction) is int count and > 0
            ? choice is int i && i < count ? i : isAttack ? 0 : null
            : null;
}
