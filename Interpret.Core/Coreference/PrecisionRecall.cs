namespace Interpret.Core.Coreference;

/// <summary>A metric's precision and recall as summed numerators over summed denominators (the CoNLL-2012 reference
/// scorer adds them up over documents before dividing). Each ratio is 0 when its denominator is 0.</summary>
public readonly record struct PrecisionRecall(double RecallNumerator, double RecallDenominator, double PrecisionNumerator, double PrecisionDenominator)
{
    public double Recall => RecallDenominator == 0 ? 0 : RecallNumerator / RecallDenominator;
    public double Precision => PrecisionDenominator == 0 ? 0 : PrecisionNumerator / PrecisionDenominator;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) => new(a.RecallNumerator + b.RecallNumerator,
        a.RecallDenominator + b.RecallDenominator, a.PrecisionNumerator + b.PrecisionNumerator, a.PrecisionDenominator + b.PrecisionDenominator);
}
