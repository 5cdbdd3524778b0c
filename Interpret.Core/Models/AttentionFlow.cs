using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>
/// BiDAF's attention flow layer (Seo et al. 2017, §2.4). The similarity of passage position t and question position j
/// is S_tj = w·[h_t; u_j; h_t ∘ u_j], computed as three terms so the [batch, T, J, 3d] concatenation is never built.
/// Context-to-query: each passage position attends over the question (ũ_t). Query-to-context: one attention over the
/// passage from each position's best question match (h̃, the same for every t). Output G = [h; ũ; h∘ũ; h∘h̃].
/// Padding is masked with a large negative score (not −∞), so gradients stay finite.
/// </summary>
public sealed class AttentionFlow : Module<Tensor, Tensor, Tensor, Tensor, Tensor>
{
    readonly Linear passageTerm;
    readonly Linear questionTerm;
    readonly Linear productTerm;

    public AttentionFlow(long dim) : base(nameof(AttentionFlow))
    {
        passageTerm = Linear(dim, 1);
        questionTerm = Linear(dim, 1, hasBias: false);
        productTerm = Linear(dim, 1, hasBias: false);
        RegisterComponents();
    }

    /// <summary>w_h∘u of the similarity, [1, dim] (tests perturb it).</summary>
    public Tensor ProductWeight => productTerm.weight!;

    /// <summary>[batch, T, J] similarity S.</summary>
    public Tensor Similarity(Tensor passage, Tensor question) =>
        passageTerm.call(passage)
            .Plus(questionTerm.call(question).transpose(1, 2))
            .Plus((passage * productTerm.weight!).matmul(question.transpose(1, 2)));

    /// <param name="passage">h, [batch, T, dim]</param>
    /// <param name="question">u, [batch, J, dim]</param>
    /// <param name="passageMask">[batch, T] bool, true on real tokens</param>
    /// <param name="questionMask">[batch, J] bool</param>
    /// <returns>G, [batch, T, 4 dim]</returns>
    public override Tensor forward(Tensor passage, Tensor question, Tensor passageMask, Tensor questionMask)
    {
        using var scope = NewDisposeScope();
        var similarity = Similarity(passage, question).masked_fill(questionMask.logical_not().unsqueeze(1), HeldScalars.MaskedOut);
        var queryAware = similarity.softmax(2).matmul(question); // ũ [batch, T, dim]
        var bestMatch = similarity.max(2).values.masked_fill(passageMask.logical_not(), HeldScalars.MaskedOut); // [batch, T]
        var contextSummary = bestMatch.softmax(1).unsqueeze(1).matmul(passage); // h̃ [batch, 1, dim]
        return cat([passage, queryAware, passage * queryAware, passage * contextSummary], 2).MoveToOuterDisposeScope();
    }
}
