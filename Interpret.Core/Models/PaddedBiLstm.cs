using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Interpret.Core.Models;

/// <summary>A bidirectional LSTM over right-padded batches whose outputs at real positions do not depend on the
/// padding: the backward direction reads each row reversed within its own length.</summary>
public sealed class PaddedBiLstm : Module<Tensor, Tensor, Tensor>
{
    readonly LSTM forwardLstm;
    readonly LSTM backwardLstm;

    public PaddedBiLstm(long inputSize, long hiddenSize) : base(nameof(PaddedBiLstm))
    {
        forwardLstm = LSTM(inputSize, hiddenSize, batchFirst: true);
        backwardLstm = LSTM(inputSize, hiddenSize, batchFirst: true);
        RegisterComponents();
    }

    /// <param name="x">[batch, time, input]</param>
    /// <param name="lengths">[batch] real tokens per row</param>
    /// <returns>[batch, time, 2 × hidden]</returns>
    public override Tensor forward(Tensor x, Tensor lengths)
    {
        var (forwardOut, _, _) = forwardLstm.call(x);
        var (backwardOut, _, _) = backwardLstm.call(ReversePadded.Apply(x, lengths));
        return cat([forwardOut, ReversePadded.Apply(backwardOut, lengths)], 2);
    }
}
