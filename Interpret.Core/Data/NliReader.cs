using Interpret.Core.Text;

namespace Interpret.Core.Data;

/// <summary>
/// Reads NLI TSVs with a header whose first three columns are gold_label, sentence1, sentence2 (SNLI, MultiNLI,
/// SNLI-CAD; extra columns such as e-SNLI explanations are ignored). Some files are tokenised and some raw, so
/// every sentence goes through the same Penn-Treebank tokeniser as typed input; tokenised text passes unchanged.
/// Rows without a gold label ("-") are skipped.
/// </summary>
public static class NliReader
{
    public static readonly IReadOnlyList<string> Labels = ["entailment", "neutral", "contradiction"];
    static readonly PtbTokenizer Tokenizer = new(lowerCase: true);

    public static IReadOnlyList<LabeledExample> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No NLI file at {path}.", path);
        var rows = new List<LabeledExample>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length < 3) throw new InvalidDataException($"{path}:{lineNumber}: expected gold_label<TAB>sentence1<TAB>sentence2.");
            var label = parts[0].Trim();
            if (label == "-") continue;
            if (!Labels.Contains(label)) throw new InvalidDataException($"{path}:{lineNumber}: unknown label '{label}'; expected {string.Join(", ", Labels)}.");
            var premise = Tokenize(parts[1]);
            var hypothesis = Tokenize(parts[2]);
            if (premise.Count > 0 && hypothesis.Count > 0) rows.Add(new LabeledExample([premise, hypothesis], label));
        }
        return rows;
    }

    static IReadOnlyList<string> Tokenize(string text) => Tokenizer.Tokenize(text).Select(t => t.Text).ToList();
}
