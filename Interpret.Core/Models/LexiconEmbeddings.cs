using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>HotFlip's table for a character-aware token embedder: every entry of the lexicon's tokens run alone
/// through it (eval mode, no gradient), padding's row zero (what a padded position embeds to). Computed at first use and
/// kept until <see cref="Forget"/> (training changed the weights); the lock makes one table for jobs on several workers
/// that share the model. The tagger, BiDAF and the coreference model each own one.</summary>
public sealed class LexiconEmbeddings(Module<Tensor, Tensor> embedder, NerLexicon lexicon) : IDisposable
{
    readonly object _lock = new();
    Tensor? _matrix;

    /// <summary>[vocabulary, dim], row i for <see cref="NerLexicon.Tokens"/>[i].</summary>
    public Tensor Matrix
    {
        get
        {
            lock (_lock)
                return _matrix ??= Compute();
        }
    }

    public void Forget()
    {
        lock (_lock)
        {
            _matrix?.Dispose();
            _matrix = null;
        }
    }

    public void Dispose() => Forget();

    Tensor Compute()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool training = embedder.training;
        embedder.eval();
        var tokens = lexicon.Tokens.Tokens;
        var rows = new List<Tensor>();
        for (int from = 0; from < tokens.Count; from += 4096)
        {
            var chunk = tokens.Skip(from).Take(4096).Select(t => (IReadOnlyList<string>)[t]).ToList();
            rows.Add(embedder.call(lexicon.Encode(chunk)).squeeze(1));
        }
        if (training) embedder.train();
        var matrix = cat(rows, 0);
        matrix[Text.Vocabulary.PaddingId] = zeros_like(matrix[Text.Vocabulary.PaddingId]);
        return matrix.DetachFromDisposeScope();
    }
}
