namespace Interpret.Core.Models;

/// <summary>Hyper-parameters of <see cref="BidafModel"/>, stored in the model's manifest. Words and Characters are
/// table sizes including padding and unknown; HiddenSize is per LSTM direction; ModellingLayers counts the BiLSTMs
/// between the attention flow and the start scores (the paper has 2).</summary>
public sealed record BidafConfig(
    int Words,
    int WordDim,
    int CaseDim,
    int Characters,
    int CharDim,
    int CharFilters,
    int CharKernel,
    int MaxCharacters,
    int HighwayLayers,
    int HiddenSize,
    int ModellingLayers,
    double Dropout)
{
    public int EmbeddingDim => WordDim + CaseDim + CharFilters;
}
