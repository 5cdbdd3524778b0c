using Interpret.Core.Text.WordPiece;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>A <see cref="BertForQuestionAnswering"/> with its vocabulary: the <see cref="ISpanModel"/> the
/// reading-comprehension predictor drives (piece texts in, passage span scores out).</summary>
public sealed class BertSpanModel(BertForQuestionAnswering model, WordPieceVocabulary vocabulary) : ISpanModel
{
    public BertForQuestionAnswering Model => model;

    public WordPieceVocabulary Vocabulary => vocabulary;

    public Module<Tensor, Tensor> TokenEmbedder => model.Bert.Embeddings.WordEmbeddings;

    public Tensor EmbeddingMatrix => model.Bert.Embeddings.WordEmbeddings.weight!;

    public Tensor SpanScores(IReadOnlyList<IReadOnlyList<string>> questions, IReadOnlyList<IReadOnlyList<string>> passages) =>
        model.SpanScores(Encode(questions), Encode(passages));

    (Tensor Ids, Tensor Mask) Encode(IReadOnlyList<IReadOnlyList<string>> rows) =>
        TokenBatch.Encode(rows.Select(r => r.Select(t => (long)vocabulary.IdOf(t)).ToArray()).ToList());

    public void Freeze() => model.eval();

    public void Dispose() => model.Dispose();
}
