namespace Interpret.Core.Training;

/// <summary>Hyper-parameters for fine-tuning a pre-trained BERT encoder as a sequence classifier.</summary>
public sealed record BertFineTuningOptions
{
    public int Epochs { get; init; } = 3;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 2e-4;
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>Share of all steps spent warming the learning rate up linearly; then it decays linearly to 0.</summary>
    public double WarmupFraction { get; init; } = 0.1;
    public double Dropout { get; init; } = 0.1;
    public int Seed { get; init; } = 13;
}
