using Interpret.Results;

namespace Explorer.App.State;

/// <summary>The line under the text boxes that says how to write an input the model can answer, when that is not
/// obvious: a masked LM needs a [MASK] to fill in.</summary>
public static class InputHints
{
    public static string? For(ModelInfo model) => MaskChoice.IsMaskedLm(model)
        ? "Write [MASK] where the model should guess a word, e.g. \"the nurse said that [MASK] was tired .\" " +
          "Each [MASK] gets its own guesses; pick the mask to explain after Predict."
        : null;
}
