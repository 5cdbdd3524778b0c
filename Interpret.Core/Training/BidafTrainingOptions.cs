namespace Interpret.Core.Training;

/// <summary>Settings of a BiDAF training run. MaxWords caps the lower-cased word table (the most frequent training
/// words; the rest read as unknown and lean on the character CNN). FreezeWords keeps the word table as initialised
/// (GloVe, or fixed random vectors for words GloVe lacks, which still let the attention match question words to the
/// passage): with 8.6k training questions, tuned word vectors overfit. MaxTrainRows trains on the first N questions
/// only (to time an epoch); MaxMinutes stops after the epoch that passes it.</summary>
public sealed record BidafTrainingOptions(
    int Epochs = 12,
    int BatchSize = 32,
    double LearningRate = 1e-3,
    int WordDim = 50,
    int CaseDim = 8,
    int CharDim = 16,
    int CharFilters = 50,
    int CharKernel = 5,
    int MaxCharacters = 16,
    int HighwayLayers = 1,
    int HiddenSize = 64,
    int ModellingLayers = 2,
    double Dropout = 0.2,
    int MaxWords = 20000,
    bool FreezeWords = true,
    int Seed = 13,
    int? MaxTrainRows = null,
    double? MaxMinutes = null);
