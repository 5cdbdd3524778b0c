namespace Interpret.Components;

/// <summary>Background colours of entity chips, one per entity type, as displaCy paints them (pastel, so dark text
/// reads on them in the light and the dark theme). Types displaCy does not know get a colour from a fixed palette,
/// picked by a stable hash of the name, so a type keeps its colour across renders, circuits and processes.</summary>
public static class EntityColors
{
    /// <summary>Text on every chip: the colours are all light.</summary>
    public const string Text = "rgba(0, 0, 0, 0.87)";

    static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        // CoNLL-2003
        ["PER"] = "#aa9cfc",
        ["ORG"] = "#7aecec",
        ["LOC"] = "#ff9561",
        ["MISC"] = "#e4e7d2",
        // OntoNotes names, as displaCy
        ["PERSON"] = "#aa9cfc",
        ["GPE"] = "#feca74",
        ["NORP"] = "#c887fb",
        ["FAC"] = "#9cc9cc",
        ["PRODUCT"] = "#bfeeb7",
        ["EVENT"] = "#ffeb80",
        ["WORK_OF_ART"] = "#f0d0ff",
        ["LAW"] = "#ff8197",
        ["DATE"] = "#bfe1d9",
    };

    static readonly string[] Palette = ["#f9c0c0", "#c0d8f9", "#d6f5b0", "#f5e0b0", "#e0c8f0", "#b0f0e0", "#f0f0a0", "#d0d0d0"];

    /// <summary>The n-th colour of the fixed palette (coreference clusters by number), repeating after its 8 colours.</summary>
    public static string Nth(int n) => Palette[((n % Palette.Length) + Palette.Length) % Palette.Length];

    public static string For(string type)
    {
        if (Known.TryGetValue(type, out var color)) return color;
        // FNV-1a: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var c in type.ToUpperInvariant()) hash = (hash ^ c) * 16777619u;
        return Palette[hash % (uint)Palette.Length];
    }
}
