using Interpret.Core.Torch;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>Max and mean over the real positions of [batch, time, features] states.</summary>
public static class MaskedPooling
{
    public static Tensor MaxAndMean(Tensor states, Tensor mask)
    {
        var keep = mask.unsqueeze(2).to(states.dtype);
        var max = states.masked_fill(mask.logical_not().unsqueeze(2), HeldScalars.NegativeInfinity).max(1).values;
        var mean = (states * keep).sum(1) / keep.sum(1).clamp_min(HeldScalars.One);
        return cat([max, mean], 1);
    }
}
