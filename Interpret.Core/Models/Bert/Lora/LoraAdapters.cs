using Interpret.Core.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Bert.Lora;

/// <summary>
/// Low-rank adapters (Hu et al. 2021, as PEFT implements them) on a BERT's Linear layers, without touching the
/// model's code: each target Linear gets a forward hook that adds (α / r) · B A x (A [r, in] uniform ±1/√in, B [out, r]
/// zero, so training starts from the base model). The base weights stay frozen; only A, B and the modules to save
/// train. <see cref="Merge"/> folds B A into the weights and removes the hooks, so a loaded model is a plain BERT
/// again (interpretation hooks the word embeddings, never these). Stored under PEFT's names
/// (<c>base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight</c>).
/// </summary>
public sealed class LoraAdapters : IDisposable
{
    sealed record Adapter(string Name, Linear Module, Parameter A, Parameter B);

    public const string Prefix = "base_model.model.";
    public const string WeightsFile = "adapter_model.safetensors";

    readonly nn.Module _model;
    readonly List<Adapter> _adapters = [];
    readonly List<IDisposable> _hooks = [];

    public LoraConfig Config { get; }

    /// <summary>Dropout on the adapters' input while training.</summary>
    public bool Training { get; set; }

    LoraAdapters(nn.Module model, LoraConfig config)
    {
        _model = model;
        Config = config;
    }

    /// <summary>Adapters on every target Linear of <paramref name="model"/>'s encoder (and pooler), hooked in.</summary>
    public static LoraAdapters Attach(nn.Module model, LoraConfig config)
    {
        var lora = new LoraAdapters(model, config);
        foreach (var (name, module) in model.named_modules())
        {
            if (module is not Linear linear || config.ModulesToSave.Any(m => name == m || name.StartsWith(m + ".", StringComparison.Ordinal))) continue;
            if (!config.TargetModules.Contains(name[(name.LastIndexOf('.') + 1)..])) continue;
            long output = linear.weight!.shape[0], input = linear.weight.shape[1];
            double bound = 1 / Math.Sqrt(input);
            var a = new Parameter(empty(config.Rank, input).uniform_(-bound, bound));
            var b = new Parameter(zeros(output, config.Rank));
            lora._adapters.Add(new Adapter(name, linear, a, b));
        }
        if (lora._adapters.Count == 0) throw new ArgumentException($"No Linear layer of the model is named one of {string.Join(", ", config.TargetModules)}.");
        foreach (var adapter in lora._adapters) lora._hooks.Add(lora.Hook(adapter));
        return lora;
    }

    IDisposable Hook(Adapter adapter)
    {
        var handle = adapter.Module.register_forward_hook((_, input, output) =>
        {
            var x = Training && Config.Dropout > 0 ? nn.functional.dropout(input, Config.Dropout, training: true) : input;
            return output.Plus(x.matmul(adapter.A.t()).matmul(adapter.B.t()).Times(Config.Scale));
        });
        return new Removal(handle.remove);
    }

    sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    public IEnumerable<Parameter> Parameters() => _adapters.SelectMany(a => new[] { a.A, a.B });

    public int Count => _adapters.Count;

    /// <summary>W ← W + (α / r) · B A for every adapter; the hooks are removed, so the model runs as a plain BERT.</summary>
    public void Merge()
    {
        RemoveHooks();
        using var _ = no_grad();
        using var scale = Config.Scale.ToScalar(); // held for the native calls (see HeldScalars)
        foreach (var a in _adapters) a.Module.weight!.add_(a.B.matmul(a.A), alpha: scale);
    }

    /// <summary>The adapters and the modules to save, under PEFT's names.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var a in _adapters)
        {
            result[$"{Prefix}{a.Name}.lora_A.weight"] = a.A.detach().contiguous();
            result[$"{Prefix}{a.Name}.lora_B.weight"] = a.B.detach().contiguous();
        }
        foreach (var (name, p) in SavedModuleParameters()) result[Prefix + name] = p.detach().contiguous();
        return result;
    }

    /// <summary>Fills adapters and modules to save from a PEFT state dict; every entry must be there with its shape.</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> stored, string source)
    {
        var targets = _adapters.SelectMany(a => new[] { ($"{Prefix}{a.Name}.lora_A.weight", (Tensor)a.A), ($"{Prefix}{a.Name}.lora_B.weight", a.B) })
            .Concat(SavedModuleParameters().Select(p => (Prefix + p.Name, (Tensor)p.Value))).ToList();
        var missing = targets.Where(t => !stored.ContainsKey(t.Item1)).Select(t => t.Item1).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{source} lacks {missing.Count} adapter weight(s): {string.Join(", ", missing.Take(6))}.");
        var unknown = stored.Keys.Except(targets.Select(t => t.Item1)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"{source} has weight(s) this model has no place for: {string.Join(", ", unknown.Take(6))}.");
        using var _ = no_grad();
        foreach (var (name, target) in targets)
        {
            if (!stored[name].shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"{source}: '{name}' has shape [{string.Join(", ", stored[name].shape)}], the adapter expects [{string.Join(", ", target.shape)}].");
            target.copy_(stored[name].to_type(target.dtype));
        }
    }

    /// <summary>Parameters of the modules saved whole (the classifier), by their names in the model.</summary>
    public IEnumerable<(string Name, Parameter Value)> SavedModuleParameters() =>
        _model.named_parameters().Where(p => Config.ModulesToSave.Any(m => p.name.StartsWith(m + ".", StringComparison.Ordinal))).Select(p => (p.name, p.parameter));

    void RemoveHooks()
    {
        foreach (var h in _hooks) h.Dispose();
        _hooks.Clear();
    }

    public void Dispose()
    {
        RemoveHooks();
        foreach (var a in _adapters) { a.A.Dispose(); a.B.Dispose(); }
    }
}
