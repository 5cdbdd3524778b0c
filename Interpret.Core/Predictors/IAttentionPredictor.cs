using Interpret.Results;

namespace Interpret.Core.Predictors;

/// <summary>A predictor whose model has attention worth showing (transformers): per layer and head, for one input.</summary>
public interface IAttentionPredictor
{
    AttentionMaps Attention(TextInstance input);
}
