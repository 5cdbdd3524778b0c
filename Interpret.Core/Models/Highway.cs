using Interpret.Core.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>Highway layers (Srivastava et al. 2015), as BiDAF puts over its token embeddings: each layer mixes a ReLU
/// transform with the input through a learnt gate, y = x + g ∘ (relu(W x) − x). Per token, so padding stays local.</summary>
public sealed class Highway : Module<Tensor, Tensor>
{
    readonly ModuleList<Linear> transforms;
    readonly ModuleList<Linear> gates;

    public Highway(int dim, int layers) : base(nameof(Highway))
    {
        transforms = new ModuleList<Linear>(Enumerable.Range(0, layers).Select(_ => Linear(dim, dim)).ToArray());
        gates = new ModuleList<Linear>(Enumerable.Range(0, layers).Select(_ => Linear(dim, dim)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        for (int i = 0; i < transforms.Count; i++)
        {
            var gate = functional.sigmoid(gates[i].call(x));
            x = x.Plus(gate * (functional.relu(transforms[i].call(x)) - x));
        }
        return x.MoveToOuterDisposeScope();
    }
}
