using Interpret.Core.Torch;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>Reverses each row of a right-padded batch within its own length, leaving padding in place, so a
/// backward-direction RNN reads real tokens first and padding never changes real positions' outputs.</summary>
public static class ReversePadded
{
    /// <param name="x">[batch, time, features]</param>
    /// <param name="lengths">[batch] number of real tokens per row</param>
    public static Tensor Apply(Tensor x, Tensor lengths)
    {
        long batch = x.shape[0], time = x.shape[1];
        var positions = arange(time, device: x.device).unsqueeze(0).expand(batch, time);
        var last = lengths.unsqueeze(1).sub(HeldScalars.One).to(ScalarType.Int64);
        var index = where(positions <= last, last - positions, positions);
        return x.gather(1, index.unsqueeze(2).expand(batch, time, x.shape[2]));
    }
}
