using System.Diagnostics;
using Interpret.Core.Diagnostics;
using Interpret.Core.Models;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Torch;

/// <summary>
/// TorchSharp's <c>a + b</c> is <c>a.add(b, 1)</c>: the 1 becomes a Scalar whose native pointer is passed to libtorch
/// while the managed object is already unreachable, so a collection during the call can let its finalizer free the
/// Scalar that the kernel then reads ("Expected false to be true … toFloat", Scalar.h). With collections running
/// back to back this failed within a few hundred CRF forward passes; the code must not hand libtorch such temporaries.
/// </summary>
public class CollectedScalarTests
{
    [Fact]
    public void CrfLogPartitionSurvivesConstantCollections()
    {
        manual_seed(3);
        using var crf = new ConditionalRandomField(9);
        using var scope = NewDisposeScope();
        var emissions = randn(2, 256, 9).requires_grad_(true);
        var mask = ones(2, 256, dtype: ScalarType.Bool);
        var expected = crf.LogPartition(emissions, mask).data<float>().ToArray();

        using var pressure = new CollectorPressure();
        var clock = Stopwatch.StartNew();
        for (int run = 0; run < 300 && clock.Elapsed < TimeSpan.FromSeconds(5); run++)
        {
            using var inner = NewDisposeScope();
            Assert.Equal(expected, crf.LogPartition(emissions, mask).data<float>().ToArray());
        }
        Assert.True(pressure.Collections > 0);
    }
}
