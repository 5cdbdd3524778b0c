using System.Text.Json;
using Interpret.Core.Tests.Fixtures;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.Tests.Pretrained;

/// <summary>Sentence pairs packed as HuggingFace's <c>tokenizer(a, b)</c> packs them: <c>[CLS] a [SEP] b [SEP]</c>,
/// built from the fixture's reference pieces of each text; each field's pieces point into its own text.</summary>
public class PairPackingTests
{
    static readonly string CasesPath = Path.GetFullPath(Path.Combine(RepositoryFiles.SharedData, "..", "fixtures", "bert-tokenizer", "cases.jsonl"));

    static List<(string Text, int[] Ids)> Cases() =>
        [.. File.ReadLines(CasesPath).Select(line => JsonDocument.Parse(line).RootElement)
            .Select(root => (root.GetProperty("text").GetString()!, root.GetProperty("ids").EnumerateArray().Select(t => t.GetInt32()).ToArray()))
            .Where(c => c.Item2.Length is > 0 and < 200)];

    [Fact]
    public void Pairs_of_fixture_texts_get_HuggingFace_ids_and_offsets_into_their_own_field()
    {
        var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(MiniLm.Vocabulary));
        var cases = Cases();
        Assert.True(cases.Count > 150);
        var failures = new List<string>();
        for (int i = 0; i + 1 < cases.Count; i += 2)
        {
            var (a, b) = (cases[i], cases[i + 1]);
            var first = tokenizer.Tokenize(a.Text, 0);
            var second = tokenizer.Tokenize(b.Text, 1);
            long[] expected = [101, .. a.Ids, 102, .. b.Ids, 102];
            var ids = first.Concat(second).Select(t => (long)MiniLm.Vocabulary.IdOf(t.Text)).ToArray();
            if (!ids.SequenceEqual(expected)) failures.Add($"pair {i}: ids differ");
            foreach (var (tokens, text) in new[] { (first, a.Text), (second, b.Text) })
                foreach (var t in tokens.Where(t => t.Start >= 0))
                    if (t.End > text.Length || t.Start >= t.End) failures.Add($"pair {i}: '{t.Text}' [{t.Start},{t.End}) outside its field of {text.Length} characters");
            if (first[0].Start != -1 || first[^1].Start != -1 || second[^1].Start != -1) failures.Add($"pair {i}: [CLS]/[SEP] should point at no characters");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }
}
