namespace Interpret.Core.Gradients;

/// <summary>One field of one batch row: the gradient of the objective w.r.t. each token's embedding and the
/// embedding itself before any transform (both [tokens × dim], row-major).</summary>
public sealed record FieldGradient(int Tokens, int Dim, double[] Gradient, double[] Embedding)
{
    public ReadOnlySpan<double> GradientOf(int token) => Gradient.AsSpan(token * Dim, Dim);
    public ReadOnlySpan<double> EmbeddingOf(int token) => Embedding.AsSpan(token * Dim, Dim);

    /// <summary>‖∇‖₂ of one token's embedding gradient: how HotFlip picks a position and input reduction a removal.</summary>
    public double NormOf(int token)
    {
        double sum = 0;
        foreach (var g in GradientOf(token)) sum += g * g;
        return Math.Sqrt(sum);
    }
}
