using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Interpret.Core.Torch;

/// <summary>
/// libtorch 2.10's oneDNN inference LSTM gives wrong outputs on this machine's AVX-512 CPU (AMD EPYC): under no_grad,
/// a float32 LSTM's hidden states differed from the autograd path and from a float64 reference by up to 0.79, so
/// predictions disagreed with the gradient passes of the same input (an NER entity predicted ORG by Predict and LOC by
/// GetGradients). Capping oneDNN at AVX2 (ONEDNN_MAX_CPU_ISA) makes both paths agree to 1e-6. oneDNN reads the variable
/// from the native environment when it first runs, so it is set with libc's setenv as this assembly loads, before any
/// model code runs. An ONEDNN_MAX_CPU_ISA or DNNL_MAX_CPU_ISA set by the user wins.
/// </summary>
static class OneDnnWorkaround
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";
    public const string Isa = "AVX2";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int SetEnv(string name, string value, int overwrite);

#pragma warning disable CA2255 // A library module initializer is the point: it must run before the first torch call.
    [ModuleInitializer]
    internal static void CapInstructionSet()
#pragma warning restore CA2255
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        if (Environment.GetEnvironmentVariable(Variable) is not null || Environment.GetEnvironmentVariable("DNNL_MAX_CPU_ISA") is not null) return;
        SetEnv(Variable, Isa, 0);
        Environment.SetEnvironmentVariable(Variable, Isa); // .NET's own copy, for child processes
    }
}
