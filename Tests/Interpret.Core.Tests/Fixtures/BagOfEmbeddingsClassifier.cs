using Interpret.Core.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Tests.Fixtures;

/// <summary>logits = W · Σₜ eₜ + b: linear in the embeddings, so every method's result can be computed by hand.</summary>
public sealed class BagOfEmbeddingsClassifier : Module<Tensor, Tensor, Tensor>, ITextClassifierModel
{
    readonly Embedding embedding;
    readonly Linear output;

    public BagOfEmbeddingsClassifier(double[,] embeddings, double[,] weights, double[] bias) : base(nameof(BagOfEmbeddingsClassifier))
    {
        int vocabulary = embeddings.GetLength(0), dim = embeddings.GetLength(1), classes = weights.GetLength(0);
        embedding = Embedding(vocabulary, dim, dtype: ScalarType.Float64);
        output = Linear(dim, classes, dtype: ScalarType.Float64);
        using (no_grad())
        {
            embedding.weight!.copy_(tensor(embeddings));
            output.weight!.copy_(tensor(weights));
            output.bias!.copy_(tensor(bias));
        }
        RegisterComponents();
    }

    public Module<Tensor, Tensor> TokenEmbedder => embedding;
    public Tensor EmbeddingMatrix => embedding.weight!;

    public override Tensor forward(Tensor ids, Tensor mask)
    {
        var summed = (embedding.call(ids) * mask.unsqueeze(2).to_type(ScalarType.Float64)).sum(1);
        return output.call(summed);
    }

    public Tensor Classify(IReadOnlyList<(Tensor Ids, Tensor Mask)> fields) => call(fields[0].Ids, fields[0].Mask);
    public void Freeze() => eval();
}
