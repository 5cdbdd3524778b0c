namespace Explorer.App.Hosting;

/// <summary>Configuration section "Ui": defaults of the explorer page.</summary>
public sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>The model the page opens on; when it is not loaded, the first sentiment model (the seed's first demo),
    /// else the first model. The BiLSTM answers fastest, and model ids sort a BERT sentiment model before it.</summary>
    public string? DefaultModel { get; set; } = "sentiment-sst2-bilstm";

    /// <summary>Steps / samples per pass the page asks for by default, so a long run paints its first map early.</summary>
    public int DefaultChunk { get; set; } = 10;

    /// <summary>Largest message the browser may send over the circuit; a pasted text longer than this drops the connection.</summary>
    public long MaxCircuitMessageBytes { get; set; } = 1_048_576;
}
