namespace Interpret.Core.Coreference;

/// <summary>One row of GAP: a Wikipedia snippet, a pronoun and two names (character offsets into Text), and whether
/// each name is the pronoun's referent (both false = neither).</summary>
public sealed record GapExample(string Id, string Text, string Pronoun, int PronounOffset, string A, int AOffset, bool ACoref,
    string B, int BOffset, bool BCoref);

/// <summary>Reads GAP's TSV: a header, then 11 tab-separated columns (ID, Text, Pronoun, Pronoun-offset, A, A-offset,
/// A-coref, B, B-offset, B-coref, URL), no quoting; checks that each offset points at its string.</summary>
public static class GapReader
{
    public static List<GapExample> Read(string path)
    {
        var rows = new List<GapExample>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (number++ == 0 || line.Length == 0) continue;
            var c = line.Split('\t');
            if (c.Length < 10) throw new InvalidDataException($"{path}:{number}: expected 11 columns, got {c.Length}.");
            var row = new GapExample(c[0], c[1], c[2], int.Parse(c[3]), c[4], int.Parse(c[5]), bool.Parse(c[6]), c[7], int.Parse(c[8]), bool.Parse(c[9]));
            Check(row.Text, row.Pronoun, row.PronounOffset, path, number);
            Check(row.Text, row.A, row.AOffset, path, number);
            Check(row.Text, row.B, row.BOffset, path, number);
            rows.Add(row);
        }
        return rows;
    }

    static void Check(string text, string value, int offset, string path, int number)
    {
        if (offset < 0 || offset + value.Length > text.Length || string.CompareOrdinal(text, offset, value, 0, value.Length) != 0)
            throw new InvalidDataException($"{path}:{number}: '{value}' is not at character {offset}.");
    }
}
