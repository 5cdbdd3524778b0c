using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models.Bert;

/// <summary><c>encoder</c>: holds <c>layer.0 … layer.N-1</c>.</summary>
public sealed class BertEncoderStack : Module
{
#pragma warning disable IDE1006
    readonly ModuleList<BertLayer> layer;
#pragma warning restore IDE1006

    public BertEncoderStack(BertConfig config) : base("encoder")
    {
        layer = new ModuleList<BertLayer>(Enumerable.Range(0, config.Layers).Select(_ => new BertLayer(config)).ToArray());
        RegisterComponents();
    }

    public IEnumerable<BertLayer> Layers => layer;
}
