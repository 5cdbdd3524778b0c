namespace Interpret.Core.Models;

/// <summary>Hyper-parameters of <see cref="CorefModel"/>, stored in the model's manifest. The token embedder's sizes
/// are the NER embedder's; HiddenSize is per LSTM direction; FeatureDim is the span-width embedding; FfnnSize the hidden
/// layer of both scorers; at most MaxSpanWidth tokens per span, SpansPerToken·T spans kept after pruning (λ), at most
/// MaxAntecedents antecedents per span (K). SingletonThreshold: the mention score above which a span that links to
/// nothing is output as a singleton cluster when singletons are asked for (selected on dev after training).</summary>
public sealed record CorefConfig(
    int Words,
    int WordDim,
    int CaseDim,
    int Characters,
    int CharDim,
    int CharFilters,
    int CharKernel,
    int MaxCharacters,
    int HiddenSize,
    int FeatureDim,
    int FfnnSize,
    int MaxSpanWidth,
    double SpansPerToken,
    int MaxAntecedents,
    double Dropout,
    double SingletonThreshold = 0);
