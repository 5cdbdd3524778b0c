namespace Interpret.Core.Training;

/// <summary>Packs tokenised paragraphs into training sequences: [CLS] consecutive paragraphs' pieces [SEP], filled up
/// to the length limit without crossing a book's end (a paragraph longer than the limit is cut into pieces).</summary>
public static class MaskedLmSequences
{
    public static List<int[]> Pack(IEnumerable<IReadOnlyList<int>> paragraphs, int length, int clsId, int sepId)
    {
        int room = length - 2;
        var sequences = new List<int[]>();
        var current = new List<int>(room);
        void Flush()
        {
            if (current.Count > 0) sequences.Add([clsId, .. current, sepId]);
            current.Clear();
        }
        foreach (var paragraph in paragraphs)
        {
            if (current.Count > 0 && current.Count + paragraph.Count > room) Flush();
            for (int start = 0; start < paragraph.Count; start += room)
            {
                current.AddRange(paragraph.Skip(start).Take(room));
                if (current.Count >= room) Flush();
            }
        }
        Flush();
        return sequences;
    }

    /// <summary>Sequences as one binary file (count, then length + ids per sequence), so a resumed run skips tokenising.</summary>
    public static void Save(string path, IReadOnlyList<int[]> sequences)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(sequences.Count);
        foreach (var s in sequences)
        {
            writer.Write(s.Length);
            foreach (var id in s) writer.Write(id);
        }
    }

    public static List<int[]> Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var sequences = new List<int[]>(reader.ReadInt32());
        for (int n = sequences.Capacity; n > 0; n--)
        {
            var s = new int[reader.ReadInt32()];
            for (int i = 0; i < s.Length; i++) s[i] = reader.ReadInt32();
            sequences.Add(s);
        }
        return sequences;
    }
}
