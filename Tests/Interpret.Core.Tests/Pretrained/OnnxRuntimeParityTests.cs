using Interpret.Core.Models;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tensor = TorchSharp.torch.Tensor;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Pretrained;

/// <summary>The imported encoder in TorchSharp against ONNX Runtime running the package's own ONNX file: the last
/// hidden state of every real token, for single texts and pairs, padded in batches, up to 512 pieces.</summary>
public class OnnxRuntimeParityTests
{
    const double Tolerance = 1e-4;

    static readonly string[] Texts =
    [
        "a gripping , funny and moving film .",
        "It is not a bad film, and the acting is wonderful.",
        "unbelievably dull",
        "",
        "Naïve Ångström straße — “curly quotes” and ‘dashes’…",
        "东京 and 北京 are cities; Москва тоже; القاهرة كذلك",
        "emoji 🔥🎉 are [UNK] here, and so are 👩‍👩‍👧 families",
        "The quick brown fox jumps over the lazy dog. " + string.Concat(Enumerable.Repeat("again and again ", 12)),
        "[MASK] is the capital of France.",
        "tabs\tand\nnewlines\r\nand  double  spaces",
        "A man named John Smith works at Microsoft in downtown Seattle.",
        "3,000 U.S. dollars, i.e. $3k (approx.)",
        "don't won't can't shouldn't've",
        "x",
    ];

    static readonly (string A, string B)[] Pairs =
    [
        ("Two children are sleeping in a tent.", "The kids are running on the beach."),
        ("A woman plays the violin on stage.", "Someone is making music."),
        ("", "An empty premise."),
        ("A dog runs.", ""),
        ("Ein Mann fährt Fahrrad.", "A man rides a bike 🚲."),
        ("The old man the boats.", "Old people operate the boats, whereas young people do not."),
        ("He said \"no\".", "He agreed."),
    ];

    [Fact]
    public void Single_texts_in_padded_batches_match_onnx_runtime()
    {
        var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(MiniLm.Vocabulary));
        var rows = Texts.Select(t => tokenizer.Tokenize(t).Select(p => (long)MiniLm.Vocabulary.IdOf(p.Text)).ToArray()).ToList();
        var ours = OursPadded(rows.Select(r => new[] { r }).ToList());
        for (int i = 0; i < rows.Count; i++)
            AssertClose(Reference(rows[i], new long[rows[i].Length]), ours[i], $"text {i}");
    }

    [Fact]
    public void Pairs_packed_by_field_match_onnx_runtime_on_the_packed_sequence()
    {
        var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(MiniLm.Vocabulary));
        long[] Ids(string text, int field) => tokenizer.Tokenize(text, field).Select(p => (long)MiniLm.Vocabulary.IdOf(p.Text)).ToArray();
        var rows = Pairs.Select(p => new[] { Ids(p.A, 0), Ids(p.B, 1) }).ToList();
        var ours = OursPadded(rows);
        for (int i = 0; i < rows.Count; i++)
        {
            long[] packed = [.. rows[i][0], .. rows[i][1]];
            long[] types = [.. rows[i][0].Select(_ => 0L), .. rows[i][1].Select(_ => 1L)];
            AssertClose(Reference(packed, types), ours[i], $"pair {i}");
        }
    }

    [Fact]
    public void The_longest_input_of_512_pieces_matches_onnx_runtime()
    {
        var words = Enumerable.Range(0, 510).Select(i => (long)MiniLm.Vocabulary.IdOf(i % 3 == 0 ? "film" : i % 3 == 1 ? "good" : "."));
        long[] ids = [MiniLm.Vocabulary.ClsId, .. words, MiniLm.Vocabulary.SepId];
        Assert.Equal(512, ids.Length);
        AssertClose(Reference(ids, new long[ids.Length]), OursPadded([[ids]])[0], "512 pieces");
    }

    /// <summary>Our encoder on a padded batch of rows (each one or two fields); per row the real tokens' last hidden
    /// states [tokens × 384], fields concatenated.</summary>
    static List<float[,]> OursPadded(IReadOnlyList<long[][]> rows)
    {
        using var model = MiniLm.Classifier();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int fields = rows[0].Length;
        var batches = Enumerable.Range(0, fields).Select(f => TokenBatch.Encode(rows.Select(r => r[f]).ToList())).ToList();
        using var encoding = model.Bert.EncodeFields(batches);
        var hidden = encoding.LastHidden;
        var result = new List<float[,]>();
        for (int r = 0; r < rows.Count; r++)
        {
            var parts = new List<Tensor>();
            long offset = 0;
            for (int f = 0; f < fields; f++)
            {
                parts.Add(hidden[r].narrow(0, offset, rows[r][f].Length));
                offset += batches[f].Ids.shape[1];
            }
            result.Add(ToMatrix(cat(parts, 0)));
        }
        return result;
    }

    static readonly Lazy<InferenceSession> Session = new(() => new InferenceSession(MiniLm.OnnxBytes));

    static float[,] Reference(long[] ids, long[] types)
    {
        int n = ids.Length;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, n])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), [1, n])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, [1, n])),
        };
        using var results = Session.Value.Run(inputs);
        var output = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
        var matrix = new float[n, output.Dimensions[2]];
        for (int t = 0; t < n; t++)
            for (int d = 0; d < matrix.GetLength(1); d++) matrix[t, d] = output[0, t, d];
        return matrix;
    }

    static float[,] ToMatrix(Tensor t)
    {
        var data = t.contiguous().data<float>().ToArray();
        var m = new float[t.shape[0], t.shape[1]];
        Buffer.BlockCopy(data, 0, m, 0, data.Length * sizeof(float));
        return m;
    }

    static void AssertClose(float[,] expected, float[,] actual, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        double worst = 0;
        for (int t = 0; t < expected.GetLength(0); t++)
            for (int d = 0; d < expected.GetLength(1); d++) worst = Math.Max(worst, Math.Abs(expected[t, d] - actual[t, d]));
        Assert.True(worst <= Tolerance, $"{what}: max |Δ| = {worst:E2} > {Tolerance:E0}");
    }
}
