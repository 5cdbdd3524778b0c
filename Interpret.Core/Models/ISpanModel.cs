using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>A reading-comprehension model (a pointer network): a question and a passage in, start and end scores over
/// the passage's tokens out. It embeds the question, then the passage, with one call of its token embedder each, so
/// gradients are captured per field.</summary>
public interface ISpanModel : ITokenEmbeddingModel, IDisposable
{
    /// <param name="questions">per row, the question field's token texts (as the predictor tokenised them)</param>
    /// <param name="passages">per row, the passage field's token texts</param>
    /// <returns>[batch, 2, passageTime] unnormalised start (index 0) and end (index 1) scores; positions past a
    /// row's passage length are padding, which the caller masks out</returns>
    Tensor SpanScores(IReadOnlyList<IReadOnlyList<string>> questions, IReadOnlyList<IReadOnlyList<string>> passages);

    /// <summary>Switches dropout and the like off for inference.</summary>
    void Freeze();
}
