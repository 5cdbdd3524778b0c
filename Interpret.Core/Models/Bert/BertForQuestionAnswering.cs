using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary>HuggingFace's <c>BertForQuestionAnswering</c>: the encoder's last hidden states → <c>qa_outputs</c>, a
/// Linear to two scores per token (start, end). The question is field 0 (<c>[CLS] q [SEP]</c>), the passage field 1
/// (<c>p [SEP]</c>), packed as HuggingFace packs a pair; only the passage's scores are returned.</summary>
public sealed class BertForQuestionAnswering : Module
{
#pragma warning disable IDE1006
    readonly BertModel bert;
    readonly Linear qa_outputs;
#pragma warning restore IDE1006

    public const string Head = "qa_outputs";

    public BertConfig Config { get; }

    public BertForQuestionAnswering(BertConfig config) : base("BertForQuestionAnswering")
    {
        Config = config;
        bert = new BertModel(config, withPooler: false);
        qa_outputs = Linear(config.HiddenSize, 2);
        RegisterComponents();
    }

    public BertModel Bert => bert;

    /// <param name="question">[batch, qTime] ids and mask, <c>[CLS] q [SEP]</c> right-padded</param>
    /// <param name="passage">[batch, pTime] ids and mask, <c>p [SEP]</c> right-padded</param>
    /// <returns>[batch, 2, pTime] start and end scores over the passage field's positions</returns>
    public Tensor SpanScores((Tensor Ids, Tensor Mask) question, (Tensor Ids, Tensor Mask) passage)
    {
        using var scope = NewDisposeScope();
        using var encoding = bert.EncodeFields([question, passage]);
        long questionTime = question.Ids.shape[1], passageTime = passage.Ids.shape[1];
        var scores = qa_outputs.call(encoding.LastHidden.narrow(1, questionTime, passageTime));
        return scores.transpose(1, 2).contiguous().MoveToOuterDisposeScope();
    }
}
