namespace Interpret.Core.Training;

/// <summary>Hyper-parameters of masked-LM pre-training from scratch; the defaults are the shipped model's settings
/// (two passes over the training novels in about 36 minutes on 2 cores).</summary>
public sealed record MaskedLmTrainingOptions
{
    public int VocabularySize { get; init; } = 10_000;
    public int Layers { get; init; } = 4;
    public int HiddenSize { get; init; } = 128;
    public int Heads { get; init; } = 4;
    public int IntermediateSize { get; init; } = 512;
    /// <summary>Pieces per training sequence, [CLS] and [SEP] included; also the model's position limit. Short
    /// sequences and small batches buy many more updates per CPU minute, which this small model needs to leave the
    /// unigram plateau (see the shipped manifest).</summary>
    public int SequenceLength { get; init; } = 64;
    public int BatchSize { get; init; } = 16;
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 0.01;
    public int WarmupSteps { get; init; } = 800;
    public int Epochs { get; init; } = 2;
    /// <summary>Fraction of pieces chosen for prediction (BERT: 0.15; of those 80 % [MASK], 10 % random, 10 % kept).</summary>
    public double MaskRate { get; init; } = 0.15;
    public double Dropout { get; init; } = 0.1;
    public int Seed { get; init; } = 13;
    /// <summary>Steps between checkpoints (and dev measurements) inside an epoch.</summary>
    public int CheckpointEvery { get; init; } = 200;
    /// <summary>Held-out sequences scored at each checkpoint; the full held-out set is scored by <c>evaluate</c>.</summary>
    public int DevSequences { get; init; } = 400;
}
