using Interpret.Core.Gradients;

namespace Interpret.Core.Saliency;

/// <summary>A weighted running mean of per-dimension embedding gradients over the rows of several passes
/// (IG's steps, SmoothGrad's samples). The running form keeps identical inputs exact: the mean of n equal
/// gradients is that gradient bit for bit, whatever n.</summary>
public sealed class GradientAverage
{
    readonly double[][] _mean;
    double _weight;

    public GradientAverage(FieldGradient[] shape) => _mean = shape.Select(f => new double[f.Gradient.Length]).ToArray();

    public void Add(FieldGradient[] row, double weight)
    {
        if (weight == 0) return;
        _weight += weight;
        double share = weight / _weight;
        for (int f = 0; f < _mean.Length; f++)
        {
            var mean = _mean[f];
            var g = row[f].Gradient;
            for (int i = 0; i < mean.Length; i++) mean[i] += (g[i] - mean[i]) * share;
        }
    }

    /// <summary>Σ weights so far: 1 once every point of a rule whose weights sum to 1 has been added.</summary>
    public double Weight => _weight;

    public double[][] Mean => _mean;

    /// <summary>Per token: Σ_d mean[t, d] · factor[t, d] (factor = the embedding for "× input"), or Σ_d mean[t, d] without one.</summary>
    public double[][] PerToken(FieldGradient[] fields, bool timesInput)
    {
        var scores = new double[fields.Length][];
        for (int f = 0; f < fields.Length; f++)
        {
            int tokens = fields[f].Tokens, dim = fields[f].Dim;
            scores[f] = new double[tokens];
            for (int t = 0; t < tokens; t++)
            {
                double sum = 0;
                for (int d = 0; d < dim; d++)
                    sum += _mean[f][t * dim + d] * (timesInput ? fields[f].Embedding[t * dim + d] : 1);
                scores[f][t] = sum;
            }
        }
        return scores;
    }
}
