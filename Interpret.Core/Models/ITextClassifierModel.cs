using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>A classifier over one or more token sequences (its input fields, in order): per field right-padded ids
/// [batch, time] and mask, logits [batch, classes] out. It embeds the fields with its token embedder in that order.</summary>
public interface ITextClassifierModel : ITokenEmbeddingModel, IDisposable
{
    Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields);

    /// <summary>Switches dropout and the like off for inference.</summary>
    void Freeze();
}
