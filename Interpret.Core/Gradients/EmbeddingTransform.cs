using static TorchSharp.torch;

namespace Interpret.Core.Gradients;

/// <summary>Changes the token embeddings of one field before the rest of the model sees them (IG scales them,
/// SmoothGrad adds noise). Arguments: the field's index in the order the model embeds fields, and its
/// [batch, tokens, dim] embeddings. Gradients are taken at the transformed embeddings.</summary>
public delegate Tensor EmbeddingTransform(int field, Tensor embeddings);
