using System.Runtime.CompilerServices;
using Interpret.Core.Predictors;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Torch;

/// <summary>An LSTM gives the same outputs for inference (no_grad, oneDNN's inference kernel) as for a gradient pass
/// (autograd path) and as in double precision. Without Core's oneDNN workaround the no_grad outputs differed by up to
/// 0.8 on this machine's AVX-512 CPU.</summary>
public class OneDnnLstmTests
{
    [Fact]
    public void InferenceLstmEqualsTheGradientPathAndDoublePrecision()
    {
        RuntimeHelpers.RunModuleConstructor(typeof(Predictor).Module.ModuleHandle); // Core's module initializer
        manual_seed(11);
        var lstm = nn.LSTM(108, 100, batchFirst: true);
        lstm.eval();
        var x = randn(4, 13, 108);
        Tensor inference, gradient;
        using (no_grad()) inference = lstm.call(x).Item1;
        using (enable_grad()) gradient = lstm.call(x.detach().requires_grad_(true)).Item1.detach();
        lstm.to(ScalarType.Float64);
        Tensor reference;
        using (no_grad()) reference = lstm.call(x.to_type(ScalarType.Float64)).Item1.to_type(ScalarType.Float32);
        Assert.True((inference - gradient).abs().max().item<float>() < 1e-5, $"no_grad vs gradient path: {(inference - gradient).abs().max().item<float>()}");
        Assert.True((inference - reference).abs().max().item<float>() < 1e-5, $"no_grad vs float64: {(inference - reference).abs().max().item<float>()}");
    }
}
