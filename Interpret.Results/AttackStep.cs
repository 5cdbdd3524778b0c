namespace Interpret.Results;

/// <summary>One flip or removal, the prediction right after it, and the gradient passes spent so far. HotFlip also
/// records the probability the model now gives the attack's label (<see cref="Attack.Label"/>: the target of a
/// targeted attack, else the original prediction), as the model's objective defines it.</summary>
public sealed record AttackStep(int Step, IReadOnlyList<TokenChange> Changes, Prediction Prediction, int GradientPasses,
    double? LabelProbabilityAfter = null);
