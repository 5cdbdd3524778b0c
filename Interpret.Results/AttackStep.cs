namespace Interpret.Results;

/// <summary>One flip or removal, the prediction right after it, and the gradient passes spent so far.</summary>
public sealed record AttackStep(int Step, IReadOnlyList<TokenChange> Changes, Prediction Prediction, int GradientPasses);
