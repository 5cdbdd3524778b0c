namespace Interpret.Core.Training;

/// <summary>Hyper-parameters for LoRA fine-tuning of the pretrained MiniLM encoder as a sequence classifier. The run is
/// sized in optimiser steps rather than epochs so it fits a time budget on a small machine.</summary>
public sealed record LoraFineTuningOptions
{
    public int Steps { get; init; } = 2000;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 5e-4;
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>Share of all steps spent warming the learning rate up linearly; then it decays linearly to 0.</summary>
    public double WarmupFraction { get; init; } = 0.06;
    public double Dropout { get; init; } = 0.1;
    public int Rank { get; init; } = 8;
    public double Alpha { get; init; } = 16;
    /// <summary>Dev accuracy is measured, and the run checkpointed, every this many steps (and at the end).</summary>
    public int EvaluateEvery { get; init; } = 250;
    public int Seed { get; init; } = 13;
}
