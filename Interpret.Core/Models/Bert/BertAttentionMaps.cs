using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Results;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert;

/// <summary>Reads a BERT encoder's attention probabilities for one input (all fields' tokens in order, one sequence).</summary>
public static class BertAttentionMaps
{
    public static AttentionMaps Of(BertModel bert, ModelInfo info, TextInstance input, ITokenVocabulary vocabulary)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var tokens = input.Fields.SelectMany(f => f.Tokens).ToList();
        var (ids, mask) = TokenBatch.Encode([tokens], vocabulary);
        using var encoding = bert.Encode(ids, mask, keepAll: true);
        var weights = encoding.Attentions.Select(layer =>
        {
            var probabilities = layer[0].to_type(ScalarType.Float64).contiguous();
            int heads = (int)probabilities.shape[0], time = (int)probabilities.shape[1];
            var values = probabilities.data<double>().ToArray();
            return (IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>>)Enumerable.Range(0, heads).Select(h =>
                (IReadOnlyList<IReadOnlyList<double>>)Enumerable.Range(0, time).Select(q =>
                    (IReadOnlyList<double>)values.AsSpan((h * time + q) * time, time).ToArray()).ToList()).ToList();
        }).ToList();
        return new AttentionMaps(info.Id, info.ManifestHash, tokens, weights);
    }
}
