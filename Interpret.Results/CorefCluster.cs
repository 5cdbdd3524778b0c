namespace Interpret.Results;

/// <summary>One predicted coreference cluster: its number (0, 1, … in order of first mention; the labeled instance
/// with the same index explains it), its mentions in text order, and the model's probability of the cluster's links
/// (the product over its mentions of P(an earlier mention of the cluster is the antecedent), the first mention's
/// P(no antecedent))).</summary>
public sealed record CorefCluster(int Id, IReadOnlyList<CorefMention> Mentions, double Probability);
