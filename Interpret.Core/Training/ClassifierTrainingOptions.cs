namespace Interpret.Core.Training;

public sealed record ClassifierTrainingOptions(
    int Epochs = 6,
    int BatchSize = 64,
    double LearningRate = 2e-3,
    int EmbeddingDim = 50,
    int HiddenSize = 128,
    double Dropout = 0.5,
    int Seed = 13,
    int MinCount = 1);
