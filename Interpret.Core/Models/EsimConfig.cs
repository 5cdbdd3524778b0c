namespace Interpret.Core.Models;

/// <summary>Hyper-parameters of <see cref="EsimClassifier"/>, stored in the model's manifest.</summary>
public sealed record EsimConfig(int VocabularySize, int EmbeddingDim, int HiddenSize, int Classes, double Dropout);
