using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>HuggingFace's <c>bert.embeddings</c>: word + absolute position + token type, then LayerNorm and dropout.
/// The word lookup is its own module so interpretation can hook the context-free token embeddings.</summary>
public sealed class BertEmbeddings : Module
{
#pragma warning disable IDE1006 // field names are HuggingFace's parameter names
    internal readonly Embedding word_embeddings;
    readonly Embedding position_embeddings;
    readonly Embedding token_type_embeddings;
    readonly LayerNorm LayerNorm;
#pragma warning restore IDE1006
    readonly Dropout dropout;

    public BertEmbeddings(BertConfig config) : base("embeddings")
    {
        word_embeddings = Embedding(config.VocabularySize, config.HiddenSize, padding_idx: config.PadTokenId);
        position_embeddings = Embedding(config.MaxPositions, config.HiddenSize);
        token_type_embeddings = Embedding(config.TokenTypes, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        dropout = Dropout(config.HiddenDropout);
        RegisterComponents();
    }

    public Embedding WordEmbeddings => word_embeddings;

    public Embedding PositionEmbeddings => position_embeddings;

    /// <param name="ids">[batch, time] int64</param>
    /// <param name="tokenTypes">[batch, time] int64</param>
    public Tensor Embed(Tensor ids, Tensor tokenTypes)
    {
        using var scope = NewDisposeScope();
        var positions = arange(ids.shape[1], dtype: ScalarType.Int64, device: ids.device).unsqueeze(0);
        return Combine(word_embeddings.call(ids), tokenTypes, positions).MoveToOuterDisposeScope();
    }

    /// <summary>Word vectors (already looked up) + position + token type, then LayerNorm and dropout.</summary>
    /// <param name="words">[batch, time, hidden]</param>
    /// <param name="tokenTypes">[batch, time] int64</param>
    /// <param name="positions">[batch or 1, time] int64 position ids</param>
    public Tensor Combine(Tensor words, Tensor tokenTypes, Tensor positions)
    {
        using var scope = NewDisposeScope();
        var sum = words.Plus(position_embeddings.call(positions)).Plus(token_type_embeddings.call(tokenTypes));
        return dropout.call(LayerNorm.call(sum)).MoveToOuterDisposeScope();
    }
}
