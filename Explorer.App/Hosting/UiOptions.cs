namespace Explorer.App.Hosting;

/// <summary>Configuration section "Ui": defaults of the explorer page.</summary>
public sealed class UiOptions
{
    public const string Section = "Ui";

    /// <summary>Steps / samples per pass the page asks for by default, so a long run paints its first map early.</summary>
    public int DefaultChunk { get; set; } = 10;

    /// <summary>Largest message the browser may send over the circuit; a pasted text longer than this drops the connection.</summary>
    public long MaxCircuitMessageBytes { get; set; } = 1_048_576;
}
