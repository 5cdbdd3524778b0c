using Interpret.Core.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// The token representation the NER tagger uses: word embedding ⊕ case embedding ⊕ character CNN (character
/// embeddings → a width-k convolution → ReLU → max over the token's own characters). The convolution is written as a
/// linear map over each character's window of k embeddings (zero-padded at both ends), which is the same function as a
/// Conv1d with padding k/2 (libtorch 2.10's CPU Conv1d gave sporadic NaN outputs on this machine; the linear map never
/// did: see NaN check in the tests). Input: [batch, time, 2 + maxChars] ids from
/// <see cref="NerLexicon"/>; output: [batch, time, WordDim + CaseDim + CharFilters]. Context-independent, and exact
/// under padding: padded characters are excluded from the max (ReLU outputs are ≥ 0, so they are zeroed), and a
/// padded position (all ids 0) gives an all-zero vector.
/// </summary>
public sealed class NerTokenEmbedder : Module<Tensor, Tensor>
{
    readonly Embedding words;
    readonly Embedding cases;
    readonly Embedding characters;
    readonly Linear convolution;
    readonly int kernel;

    public int OutputDim { get; }

    public NerTokenEmbedder(BiLstmCrfConfig c) : this(c.Words, c.WordDim, c.CaseDim, c.Characters, c.CharDim, c.CharFilters, c.CharKernel) { }

    /// <summary>The same embedder for another model (BiDAF) that has its own configuration record.</summary>
    public NerTokenEmbedder(int wordCount, int wordDim, int caseDim, int characterCount, int charDim, int charFilters, int charKernel)
        : base(nameof(NerTokenEmbedder))
    {
        if (charKernel % 2 == 0) throw new ArgumentException("The character kernel width must be odd.");
        words = Embedding(wordCount, wordDim, padding_idx: 0);
        cases = Embedding(NerLexicon.CaseCount, caseDim, padding_idx: 0);
        characters = Embedding(characterCount, charDim, padding_idx: 0);
        kernel = charKernel;
        convolution = Linear((long)charKernel * charDim, charFilters);
        OutputDim = wordDim + caseDim + charFilters;
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
        var realChars = chars.ne(HeldScalars.Zero).unsqueeze(2); // [tokens, width, 1]
        var padded = functional.pad(characters.call(chars), [0, 0, kernel / 2, kernel / 2]); // [tokens, width + k − 1, charDim]
        var windows = cat(Enumerable.Range(0, kernel).Select(k => padded.narrow(1, k, width)).ToList(), 2); // [tokens, width, k·charDim]
        var convolved = functional.relu(convolution.call(windows)); // [tokens, width, filters]
        var pooled = (convolved * realChars.to_type(convolved.dtype)).max(1).values.reshape(batch, time, -1);
        return cat([word, shape, pooled], 2).MoveToOuterDisposeScope();
    }
}
