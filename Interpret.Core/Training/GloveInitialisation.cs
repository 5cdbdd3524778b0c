using Interpret.Core.Models;
using Interpret.Core.Text;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>Copies GloVe vectors into a word table for the lexicon's words GloVe knows (lower-cased lookup; the
/// first min(dims) dimensions); padding's row stays zero.</summary>
public static class GloveInitialisation
{
    public static int Apply(Tensor weight, NerLexicon lexicon, IReadOnlyDictionary<string, float[]> glove)
    {
        using var _ = no_grad();
        int dim = (int)weight.shape[1], found = 0;
        int width = Math.Min(dim, glove.First().Value.Length);
        for (int id = 2; id < lexicon.Words.Count; id++)
            if (glove.TryGetValue(lexicon.Words[id], out var vector))
            {
                weight[id].narrow(0, 0, width).copy_(tensor(vector[..width]));
                found++;
            }
        weight[Vocabulary.PaddingId].zero_();
        Console.WriteLine($"GloVe initialised {found:N0} of {lexicon.Words.Count:N0} word embeddings.");
        return found;
    }
}
