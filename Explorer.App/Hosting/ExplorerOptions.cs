using Interpret.Core.Methods;

namespace Explorer.App.Hosting;

/// <summary>Configuration section "Explorer": the models and the torch work.</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Explorer";

    /// <summary>Folder of model folders; default the models/ copied next to the app. Relative paths are taken from the content root.</summary>
    public string? ModelsPath { get; set; }

    /// <summary>Users' own HuggingFace BERT checkpoint folders (config.json, model.safetensors or pytorch_model.bin,
    /// vocab.txt), listed beside the shipped models. Set in configuration only, never from the browser.</summary>
    public List<CheckpointOptions> Checkpoints { get; set; } = [];

    /// <summary>False (default): a model folder or checkpoint that fails to load is logged, listed as unavailable and
    /// skipped while the others serve. True (CI; also the <c>--strict</c> switch): it stops the start with a message
    /// naming the folder, the file and the reason.</summary>
    public bool StrictModels { get; set; }

    /// <summary>Torch worker threads. Workers × ThreadsPerWorker should not exceed the cores.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>libtorch intra-op threads per worker.</summary>
    public int ThreadsPerWorker { get; set; } = 2;

    /// <summary>Jobs that may wait for a worker; beyond that requests get HTTP 503 / a "busy" message. Sized for bursts
    /// of cheap jobs (20 clients asking for 15 ms gradients at once must not see 503s), while a full queue of jobs at
    /// the work budget (each ≤ ~30 s) still clears within about half an hour per worker.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Jobs one user (or, signed out, one address) may have waiting; beyond that HTTP 429 / a message on the
    /// page. Users also take turns, so one user's queued jobs never hold everyone else back by more than one job.</summary>
    public int MaxQueuedPerUser { get; set; } = 4;

    /// <summary>The most work one request may ask for (token rows × the model's weights per token; see WorkBudget).
    /// The default is about 30 s of one worker with two threads on a 2-core machine. Requests over it are refused
    /// before they queue, with what to lower.</summary>
    public long MaxWorkPerRequest { get; set; } = WorkBudget.Default;

    /// <summary>Longest a job may run once a worker starts it; it is then cancelled and the user told why. Null or
    /// empty: no limit. Default two minutes.</summary>
    public TimeSpan? JobTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest input field, in characters.</summary>
    public int MaxCharacters { get; set; } = 5_000;

    /// <summary>Most tokens per input field (a model's manifest may lower it).</summary>
    public int MaxTokens { get; set; } = 256;
}

/// <summary>One user checkpoint: the id it is listed under, its folder (relative to the content root or absolute)
/// and, for sequence classifiers, the task its labels answer (default "sentiment").</summary>
public sealed class CheckpointOptions
{
    public string Id { get; set; } = "";
    public string Path { get; set; } = "";
    public string? Task { get; set; }
}
