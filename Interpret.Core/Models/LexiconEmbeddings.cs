using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>HotFlip's table for a character-aware token embedder: every entry of the lexicon's tokens run alone
/// through it (no gradient), padding's row zero (what a padded position embeds to).</summary>
public static class LexiconEmbeddings
{
    public static Tensor Matrix(Module<Tensor, Tensor> embedder, NerLexicon lexicon)
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
