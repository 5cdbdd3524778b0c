namespace Interpret.Components;

/// <summary>What a saliency token is: the model's tokens (WordPiece pieces) as scored, words with their pieces' scores
/// summed or averaged (<see cref="Interpret.Results.WordScores"/>), or sentences with their tokens' scores summed
/// (<see cref="SentenceLevel"/>).</summary>
public enum SaliencyGranularity { Pieces, WordsSum, WordsMean, SentencesSum }

public static class SaliencyGranularityExtensions
{
    /// <summary>The instance as this granularity shows it.</summary>
    public static Interpret.Results.InterpretedInstance Apply(this SaliencyGranularity granularity, Interpret.Results.InterpretedInstance instance) =>
        granularity == SaliencyGranularity.SentencesSum ? SentenceLevel.Apply(instance) : WordLevel.Apply(instance, granularity);
}
