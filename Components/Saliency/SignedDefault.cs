using Interpret.Results;

namespace Interpret.Components;

/// <summary>Whether a result is shown signed before the user chooses: yes for gradient × input scores (simple gradient,
/// integrated gradients, SmoothGrad with "times input"), whose sign says whether a token pushes toward the target or
/// away from it; a plain gradient's sign says only which way the embedding would move, so those start unsigned.</summary>
public static class SignedDefault
{
    // The method names are the project's conventions (CONVENTIONS.md), shared with the API and the batch files.
    static readonly HashSet<string> GradientTimesInput = ["simple-gradient", "integrated-gradient"];

    public static bool For(Interpretation? interpretation) =>
        interpretation is not null
        && (GradientTimesInput.Contains(interpretation.Method) || interpretation.Options.TimesInput == true);
}
