using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>A classifier over one token sequence: right-padded ids and mask in, logits [batch, classes] out.</summary>
public interface ITextClassifierModel : ITokenEmbeddingModel, IDisposable
{
    Tensor Classify(Tensor tokenIds, Tensor mask);

    /// <summary>Switches dropout and the like off for inference.</summary>
    void Freeze();
}
