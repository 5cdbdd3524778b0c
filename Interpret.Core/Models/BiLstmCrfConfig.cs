namespace Interpret.Core.Models;

/// <summary>Hyper-parameters of <see cref="BiLstmCrfTagger"/>, stored in the model's manifest. Words and Characters are
/// table sizes including padding and unknown; HiddenSize is per direction.</summary>
public sealed record BiLstmCrfConfig(
    int Words,
    int WordDim,
    int CaseDim,
    int Characters,
    int CharDim,
    int CharFilters,
    int CharKernel,
    int MaxCharacters,
    int HiddenSize,
    int Tags,
    double Dropout);
