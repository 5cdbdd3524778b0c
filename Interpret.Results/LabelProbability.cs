namespace Interpret.Results;

public sealed record LabelProbability(string Label, double Probability);
