using System.Globalization;

namespace Interpret.Core.Data;

/// <summary>Reads GloVe's text format: "word v1 … vN" per line.</summary>
public static class GloveReader
{
    public static Dictionary<string, float[]> Read(string path)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length < 2) continue;
            vectors[parts[0]] = parts.Skip(1).Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
        return vectors;
    }
}
