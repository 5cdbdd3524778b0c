namespace Interpret.Components;

/// <summary>What a saliency token is: the model's tokens (WordPiece pieces) as scored, words with their pieces' scores
/// summed or averaged (<see cref="Interpret.Results.WordScores"/>), or sentences with their tokens' scores summed
/// (<see cref="SentenceLevel"/>).</summary>
public enum SaliencyGranularity { Pieces, WordsSum, WordsMean, SentencesSum }
