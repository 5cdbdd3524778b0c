using Interpret.Results;

namespace Explorer.App.State;

/// <summary>Which [MASK] of a masked LM's prediction a run explains, and the word it aims for. The masked LM makes one
/// labeled instance per mask, in mask order: the chosen mask's index goes into the methods' <c>Instance</c> option.
/// Null means "all masks as one instance" (the seed's way, <c>SingleInstance</c>). A target word aims at the chosen
/// mask ("she:4", the mask's token position); with all masks chosen it goes to the first mask, as the core does.</summary>
public static class MaskChoice
{
    public const string Task = "masked-lm";

    public static bool IsMaskedLm(ModelInfo model) => model.Task == Task;

    /// <summary>The first mask when the prediction has any, else none.</summary>
    public static int? Default(Prediction prediction) => prediction.Masks is { Count: > 0 } ? 0 : null;

    /// <summary>"All masks together" is a choice of its own only when there are several.</summary>
    public static bool OffersAll(Prediction? prediction) => prediction?.Masks is { Count: > 1 };

    /// <summary>The run's options for the choice and target word. A targeted saliency run explains the target at its
    /// mask, so it needs no <c>Instance</c> (the target is the only instance); an attack still starts from the
    /// chosen mask's own prediction (<c>Instance</c>) and aims for the target there.</summary>
    public static MethodOptions Apply(MethodOptions options, Prediction prediction, int? choice, string? targetWord, bool isAttack)
    {
        if (prediction.Masks is not { Count: > 0 } masks) return options;
        int? mask = choice is int m && m >= 0 && m < masks.Count ? m : null;
        // One mask: "together" is the same instance as mask 0, and the plainer request says so.
        if (mask is null && masks.Count == 1) mask = 0;
        var word = string.IsNullOrWhiteSpace(targetWord) ? null : targetWord.Trim();
        string? target = word is null ? null : mask is int t ? $"{word}:{masks[t].Position}" : word;
        return options with
        {
            Target = target,
            Instance = mask is int i && (target is null || isAttack) ? i : null,
            SingleInstance = mask is null ? true : null,
        };
    }
}
