using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Models;

/// <summary>Module weights as safetensors. Stored as float16 to fit the model budget; loaded back as the
/// module's own dtype.</summary>
public static class SafetensorsWeights
{
    public static void Save(nn.Module module, string path)
    {
        using var scope = NewDisposeScope();
        var half = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().to_type(ScalarType.Float16).contiguous());
        Safetensors.SaveStateDict(path, half);
    }

    public static void Load(nn.Module module, string path)
    {
        using var scope = NewDisposeScope();
        var expected = module.state_dict();
        var stored = Safetensors.LoadStateDict(path);
        var missing = expected.Keys.Except(stored.Keys).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{Path.GetFileName(path)} lacks {string.Join(", ", missing)}.");
        using var _ = no_grad();
        foreach (var (name, target) in expected)
        {
            var source = stored[name];
            if (!source.shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"{Path.GetFileName(path)}: '{name}' has shape [{string.Join(",", source.shape)}], the model expects [{string.Join(",", target.shape)}].");
            target.copy_(source.to_type(target.dtype));
        }
    }
}
