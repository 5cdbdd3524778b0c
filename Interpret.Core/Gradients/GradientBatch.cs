using Interpret.Results;

namespace Interpret.Core.Gradients;

/// <summary>What one forward+backward pass over a batch of labeled instances gives: per row the objective value,
/// per row and field the embedding gradients, and per row the model's prediction from the same forward pass.</summary>
public sealed record GradientBatch(double[] Objective, FieldGradient[][] Fields, Prediction[] Predictions);
