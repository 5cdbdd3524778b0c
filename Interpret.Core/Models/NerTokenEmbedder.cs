using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// The token representation the NER tagger uses: word embedding ⊕ case embedding ⊕ character CNN (character
/// embeddings → Conv1d → ReLU → max over the token's own characters). Input: [batch, time, 2 + maxChars] ids from
/// <see cref="NerLexicon"/>; output: [batch, time, WordDim + CaseDim + CharFilters]. Context-independent, and exact
/// under padding: padded characters are excluded from the max (ReLU outputs are ≥ 0, so they are zeroed), and a
/// padded position (all ids 0) gives an all-zero vector.
/// </summary>
public sealed class NerTokenEmbedder : Module<Tensor, Tensor>
{
    readonly Embedding words;
    readonly Embedding cases;
    readonly Embedding characters;
    readonly Conv1d convolution;

    public int OutputDim { get; }

    public NerTokenEmbedder(BiLstmCrfConfig c) : base(nameof(NerTokenEmbedder))
    {
        if (c.CharKernel % 2 == 0) throw new ArgumentException("The character kernel width must be odd.");
        words = Embedding(c.Words, c.WordDim, padding_idx: 0);
        cases = Embedding(NerLexicon.CaseCount, c.CaseDim, padding_idx: 0);
        characters = Embedding(c.Characters, c.CharDim, padding_idx: 0);
        convolution = Conv1d(c.CharDim, c.CharFilters, c.CharKernel, padding: c.CharKernel / 2);
        OutputDim = c.WordDim + c.CaseDim + c.CharFilters;
        RegisterComponents();
    }

    /// <summary>The word table [words, WordDim] (GloVe initialises it).</summary>
    public Tensor WordWeight => words.weight!;

    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        long batch = ids.shape[0], time = ids.shape[1], width = ids.shape[2] - NerLexicon.FixedColumns;
        var word = words.call(ids.select(2, 0));
        var shape = cases.call(ids.select(2, 1));
        var chars = ids.narrow(2, NerLexicon.FixedColumns, width).reshape(batch * time, width);
        var realChars = chars.ne(0).unsqueeze(1); // [tokens, 1, width]
        var convolved = functional.relu(convolution.call(characters.call(chars).transpose(1, 2))); // [tokens, filters, width]
        var pooled = (convolved * realChars.to_type(convolved.dtype)).max(2).values.reshape(batch, time, -1);
        return cat([word, shape, pooled], 2).MoveToOuterDisposeScope();
    }
}
