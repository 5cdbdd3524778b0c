using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>Training checkpoints: every state-dict entry as float32 safetensors (the shipped models are float16,
/// which would lose the precision a resumed run needs).</summary>
public static class CheckpointFiles
{
    public static void Save(nn.Module model, string path) =>
        Safetensors.SaveStateDict(path, model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().contiguous()));

    public static void Load(nn.Module model, string path)
    {
        using var scope = NewDisposeScope();
        var stored = Safetensors.LoadStateDict(path);
        using var _ = no_grad();
        foreach (var (name, target) in model.state_dict()) target.copy_(stored[name]);
    }
}
