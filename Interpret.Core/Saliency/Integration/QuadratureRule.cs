using Interpret.Core.Predictors;

namespace Interpret.Core.Saliency.Integration;

/// <summary>Points α ∈ [0, 1] and weights for ∫₀¹ f(α) dα ≈ Σ wₖ f(αₖ). The weights of every rule sum to 1.
/// "riemann-left" (α = k/n) is what AllenNLP Interpret uses; Gauss-Legendre (Captum's default) converges fastest.</summary>
public static class QuadratureRule
{
    public const string RiemannLeft = "riemann-left";
    public const string RiemannRight = "riemann-right";
    public const string RiemannMiddle = "riemann-middle";
    public const string Trapezoid = "trapezoid";
    public const string GaussLegendre = "gauss-legendre";

    public static readonly IReadOnlyList<string> Names = [RiemannLeft, RiemannRight, RiemannMiddle, Trapezoid, GaussLegendre];

    /// <summary>Gauss-Legendre nodes cost O(n²) to find; beyond this many they are also no more accurate in float32.</summary>
    public const int MaxGaussLegendrePoints = 1024;

    public static void Validate(string rule, int n)
    {
        if (!Names.Contains(rule)) throw new InputException($"Unknown integration rule '{rule}'; use {string.Join(", ", Names)}.");
        if (n < 1) throw new InputException("Integrated gradients needs at least 1 step.");
        if (rule == Trapezoid && n < 2) throw new InputException("The trapezoid rule needs at least 2 steps.");
        if (rule == GaussLegendre && n > MaxGaussLegendrePoints)
            throw new InputException($"Gauss-Legendre takes at most {MaxGaussLegendrePoints} steps; use a Riemann or trapezoid rule for more.");
    }

    public static (double[] Alphas, double[] Weights) Points(string rule, int n)
    {
        Validate(rule, n);
        switch (rule)
        {
            case RiemannLeft: return (Enumerable.Range(0, n).Select(k => (double)k / n).ToArray(), Uniform(n));
            case RiemannRight: return (Enumerable.Range(1, n).Select(k => (double)k / n).ToArray(), Uniform(n));
            case RiemannMiddle: return (Enumerable.Range(0, n).Select(k => (k + 0.5) / n).ToArray(), Uniform(n));
            case Trapezoid:
                var weights = Enumerable.Repeat(1.0 / (n - 1), n).ToArray();
                weights[0] /= 2;
                weights[^1] /= 2;
                return (Enumerable.Range(0, n).Select(k => (double)k / (n - 1)).ToArray(), weights);
            default: return GaussLegendreOnUnitInterval(n);
        }
    }

    static double[] Uniform(int n) => Enumerable.Repeat(1.0 / n, n).ToArray();

    /// <summary>Roots of the Legendre polynomial Pₙ by Newton's method from Chebyshev-like starts, mapped from [−1, 1] to [0, 1].</summary>
    static (double[] Alphas, double[] Weights) GaussLegendreOnUnitInterval(int n)
    {
        var alphas = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5)), derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double p, derivative) = Legendre(n, x);
                double step = p / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-15) break;
            }
            (_, derivative) = Legendre(n, x);
            // Ascending α: root i counts down from +1.
            alphas[n - 1 - i] = (1 + x) / 2;
            weights[n - 1 - i] = 1.0 / ((1 - x * x) * derivative * derivative);
        }
        return (alphas, weights);
    }

    /// <summary>Pₙ(x) and Pₙ'(x) by the three-term recurrence.</summary>
    static (double P, double Derivative) Legendre(int n, double x)
    {
        double previous = 1, current = x;
        if (n == 0) return (1, 0);
        for (int k = 2; k <= n; k++)
        {
            double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        return (current, n * (x * current - previous) / (x * x - 1));
    }
}
