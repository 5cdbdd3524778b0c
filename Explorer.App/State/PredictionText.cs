using System.Globalization;
using Interpret.Results;

namespace Explorer.App.State;

/// <summary>A prediction in a few words for a heading: "positive (93.1%)", a masked LM's top word per mask, a tagger's
/// summary.</summary>
public static class PredictionText
{
    public static string Of(Prediction prediction) =>
        prediction.Masks is null && prediction.Probabilities.Any(p => p.Label == prediction.Label)
            ? $"{prediction.Label} ({prediction.ProbabilityOf(prediction.Label).ToString("0.0%", CultureInfo.InvariantCulture)})"
            : prediction.Label;
}
