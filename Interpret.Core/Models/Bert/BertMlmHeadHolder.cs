using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>cls</c>: only there so parameter names read <c>cls.predictions.…</c>.</summary>
public sealed class BertMlmHeadHolder : Module
{
#pragma warning disable IDE1006
    readonly BertMlmHead predictions;
#pragma warning restore IDE1006

    public BertMlmHeadHolder(BertConfig config) : base("cls")
    {
        predictions = new BertMlmHead(config);
        RegisterComponents();
    }

    public BertMlmHead Predictions => predictions;
}
