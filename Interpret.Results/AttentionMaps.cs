namespace Interpret.Results;

/// <summary>A transformer's attention probabilities for one input: <c>Weights[layer][head][query][key]</c> over the
/// model's tokens (special tokens included). Each query row sums to 1; padding never appears.</summary>
public sealed record AttentionMaps(string Model, string ManifestHash, IReadOnlyList<Token> Tokens,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>>> Weights)
{
    public int Layers => Weights.Count;
    public int Heads => Weights.Count == 0 ? 0 : Weights[0].Count;
}
