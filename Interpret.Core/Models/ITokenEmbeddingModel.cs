using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>The one thing interpretation needs to know about a model's insides: which module turns token ids
/// into the token embeddings (AllenNLP's interpretable layer), and the embedding matrix HotFlip searches.</summary>
public interface ITokenEmbeddingModel
{
    Module<Tensor, Tensor> TokenEmbedder { get; }

    /// <summary>[vocabulary, dim] context-independent embeddings of every vocabulary entry.</summary>
    Tensor EmbeddingMatrix { get; }
}
