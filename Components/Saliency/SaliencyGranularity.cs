namespace Interpret.Components;

/// <summary>What a saliency token is: the model's WordPiece pieces as scored, or words with their pieces' scores summed
/// or averaged (<see cref="Interpret.Results.WordScores"/>).</summary>
public enum SaliencyGranularity { Pieces, WordsSum, WordsMean }
