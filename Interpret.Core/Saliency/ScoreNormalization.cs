namespace Interpret.Core.Saliency;

public static class ScoreNormalization
{
    /// <summary>The seed's normalisation: |score| / Σ|score| over all fields of an instance. All-zero scores stay zero.</summary>
    public static double[][] AbsoluteL1(double[][] raw)
    {
        double total = raw.Sum(field => field.Sum(Math.Abs));
        return raw.Select(field => field.Select(s => total > 0 ? Math.Abs(s) / total : 0).ToArray()).ToArray();
    }
}
