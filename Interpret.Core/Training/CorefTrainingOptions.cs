namespace Interpret.Core.Training;

/// <summary>Settings of a coreference training run. Documents are cut into segments of at most SegmentTokens
/// (whole sentences); BatchSize segments share one optimiser step. WordDropout: the chance a word seen once in
/// training is read as unknown. MentionLossWeight scales the mention loss beside the antecedent loss. MaxDocuments
/// trains on the first N training documents only (to time an epoch); MaxMinutes stops after the epoch that passes it.</summary>
public sealed record CorefTrainingOptions(
    int Epochs = 20,
    int SegmentTokens = 384,
    int BatchSize = 4,
    double LearningRate = 1e-3,
    int WordDim = 50,
    int CaseDim = 8,
    int CharDim = 16,
    int CharFilters = 30,
    int CharKernel = 3,
    int MaxCharacters = 20,
    int HiddenSize = 100,
    int FeatureDim = 20,
    int FfnnSize = 150,
    int MaxSpanWidth = 10,
    double SpansPerToken = 0.4,
    int MaxAntecedents = 30,
    double Dropout = 0.3,
    double WordDropout = 0.5,
    double MentionLossWeight = 1.0,
    int Seed = 13,
    int? MaxDocuments = null,
    double? MaxMinutes = null);
