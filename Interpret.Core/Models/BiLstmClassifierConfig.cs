namespace Interpret.Core.Models;

/// <summary>Hyper-parameters of <see cref="BiLstmClassifier"/>, stored in the model's manifest.</summary>
public sealed record BiLstmClassifierConfig(int VocabularySize, int EmbeddingDim, int HiddenSize, int Classes, double Dropout);
