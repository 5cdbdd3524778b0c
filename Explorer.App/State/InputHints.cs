using Interpret.Results;

namespace Explorer.App.State;

/// <summary>The line under the text boxes that says how to write an input the model can answer, when that is not
/// obvious: a masked LM needs a [MASK] to fill in; a reader answers with a span of the passage.</summary>
public static class InputHints
{
    public static string? For(ModelInfo model) =>
        MaskChoice.IsMaskedLm(model)
            ? "Write [MASK] where the model should guess a word, e.g. \"the nurse said that [MASK] was tired .\" " +
              "Each [MASK] gets its own guesses; pick the mask to explain after Predict."
        : model.Task == "reading-comprehension"
            ? "The answer is a span of the passage. Saliency explains that span (log p(start) + log p(end)); attacks " +
              "change the question by default (the Field option picks the passage) and never the answer's words."
        : model.Task == "coreference"
            ? "A document of up to 512 tokens. Each cluster of linked mentions is one instance: saliency explains what " +
              "links its mentions (the log-likelihood of its antecedent links); attacks never change a mention's words."
        : null;
}
