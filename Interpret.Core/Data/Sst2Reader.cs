namespace Interpret.Core.Data;

/// <summary>Reads the GLUE SST-2 TSV format (header, then "sentence&lt;TAB&gt;label" with 0 = negative, 1 = positive).
/// Any file in that format works, so held-back splits score without code changes.</summary>
public static class Sst2Reader
{
    public static readonly IReadOnlyList<string> Labels = ["negative", "positive"];

    public static IReadOnlyList<LabeledExample> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No SST-2 file at {path}.", path);
        var rows = new List<LabeledExample>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1].Trim() is not ("0" or "1"))
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'sentence<TAB>0|1'.");
            var tokens = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 0) rows.Add(new LabeledExample([tokens], Labels[parts[1].Trim() == "1" ? 1 : 0]));
        }
        return rows;
    }
}
