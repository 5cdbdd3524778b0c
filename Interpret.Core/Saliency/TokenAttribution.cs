namespace Interpret.Core.Saliency;

/// <summary>Raw signed scores per field and token of one labeled instance (positive supports its target), as far
/// as a method has got: Done of Total steps or samples, using Passes forward+backward passes. MeanGradient is
/// the per-dimension gradient the scores were made from (per field, [tokens × dim]).</summary>
public sealed record TokenAttribution(double[][] Raw, int Done, int Total, int Passes, double[][] MeanGradient,
    Results.Completeness? Completeness = null);
