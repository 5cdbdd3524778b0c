namespace Interpret.Core.Training;

/// <summary>Settings of a BiLSTM-CRF NER training run. WordDropout is the chance that a word seen once in training is
/// read as unknown in a training batch (so the unknown word's embedding learns something). MaxSentences trains on the
/// first N training sentences only (to time an epoch); MaxMinutes stops after the epoch that passes it.</summary>
public sealed record NerTrainingOptions(
    int Epochs = 20,
    int BatchSize = 32,
    double LearningRate = 2e-3,
    int WordDim = 50,
    int CaseDim = 8,
    int CharDim = 25,
    int CharFilters = 50,
    int CharKernel = 3,
    int MaxCharacters = 20,
    int HiddenSize = 100,
    double Dropout = 0.5,
    double WordDropout = 0.5,
    int Seed = 13,
    int? MaxSentences = null,
    double? MaxMinutes = null);
