namespace Explorer.App.Hosting;

/// <summary>Configuration section "Explorer": the models and the torch work.</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Explorer";

    /// <summary>Folder of model folders; default the models/ copied next to the app. Relative paths are taken from the content root.</summary>
    public string? ModelsPath { get; set; }

    /// <summary>Torch worker threads. Workers × ThreadsPerWorker should not exceed the cores.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>libtorch intra-op threads per worker.</summary>
    public int ThreadsPerWorker { get; set; } = 2;

    /// <summary>Jobs that may wait for a worker; beyond that requests get HTTP 503 / a "busy" message.</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>Longest input field, in characters.</summary>
    public int MaxCharacters { get; set; } = 5_000;

    /// <summary>Most tokens per input field (a model's manifest may lower it).</summary>
    public int MaxTokens { get; set; } = 256;
}
