using Google.Protobuf;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Onnx;
using Interpret.Core.Models.Pretrained;
using Onnx;

namespace Interpret.Core.Tests.Pretrained;

public class MiniLmImportTests
{
    [Fact]
    public void The_graph_gives_all_MiniLM_L6_v2_hyper_parameters()
    {
        var config = MiniLm.Import.Config;
        Assert.Equal((30522, 384, 6, 12, 1536, 512, 2), (config.VocabularySize, config.HiddenSize, config.Layers, config.Heads, config.IntermediateSize, config.MaxPositions, config.TokenTypes));
        Assert.Equal(1e-12, config.LayerNormEps, 1e-15);
        Assert.Equal(BertCheckpoint.EncoderArchitecture, config.Architectures.Single());
    }

    [Fact]
    public void Every_HuggingFace_BERT_parameter_is_filled_exactly_once_with_its_shape()
    {
        using var model = new BertModel(MiniLm.Import.Config, withPooler: true);
        var expected = model.state_dict();
        var imported = MiniLm.Import.Weights;
        Assert.Equal(expected.Keys.Order(), imported.Keys.Order());
        Assert.Equal(6 * 16 + 5 + 2, imported.Count);
        foreach (var (name, tensor) in expected) Assert.Equal(tensor.shape, imported[name].shape);
        // The 36 projection weights come from renamed initializers through the graph, so none may be used twice.
        var projections = imported.Where(kv => kv.Key.Contains("encoder.layer") && kv.Key.EndsWith("dense.weight") || kv.Key.EndsWith("query.weight") || kv.Key.EndsWith("key.weight") || kv.Key.EndsWith("value.weight")).ToList();
        Assert.Equal(36, projections.Count);
        var sums = projections.Select(p => p.Value.sum().item<float>()).ToList();
        Assert.Equal(sums.Count, sums.Distinct().Count());
    }

    [Fact]
    public void Projection_weights_are_transposed_from_the_MatMul_layout()
    {
        // A one-layer graph by hand: y = x · W + b with W stored [in, out] = [2, 3] under a number.
        var graph = new GraphProto();
        graph.Initializer.Add(Float("7", [2, 3], [1, 2, 3, 4, 5, 6]));
        graph.Initializer.Add(Float("encoder.layer.0.attention.self.query.bias", [3], [0, 0, 0]));
        graph.Node.Add(Node("MatMul", ["x", "7"], ["h"]));
        graph.Node.Add(Node("Add", ["encoder.layer.0.attention.self.query.bias", "h"], ["y"]));
        var config = new BertConfig { VocabularySize = 4, HiddenSize = 3, Heads = 1, Layers = 1 };
        using var import = OnnxBertGraph.Read(new ModelProto { Graph = graph }, "hand-made", config);
        var weight = import.Weights["encoder.layer.0.attention.self.query.weight"];
        Assert.Equal([3L, 2L], weight.shape);
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], weight.data<float>().ToArray());
    }

    [Fact]
    public void An_unexplained_weight_matrix_is_an_error_that_names_it()
    {
        var graph = new GraphProto();
        graph.Initializer.Add(Float("1234", [2, 2], [1, 2, 3, 4]));
        graph.Node.Add(Node("MatMul", ["x", "1234"], ["h"]));
        graph.Node.Add(Node("Relu", ["h"], ["y"]));
        var e = Assert.Throws<InvalidDataException>(() => OnnxBertGraph.Read(new ModelProto { Graph = graph }, "odd.onnx", new BertConfig { VocabularySize = 2, HiddenSize = 2, Heads = 1 }));
        Assert.Contains("'1234'", e.Message);
        Assert.Contains("odd.onnx", e.Message);
    }

    [Fact]
    public void Bytes_that_are_not_ONNX_are_a_clear_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => OnnxBertGraph.Parse([0xff, 0xff, 0xff, 0xff, 0x0f], "broken.onnx"));
        Assert.Contains("broken.onnx is not a valid ONNX model", e.Message);
    }

    [Fact]
    public void A_resource_with_another_hash_is_refused()
    {
        var dll = Path.Combine(Path.GetTempPath(), $"not-minilm-{Guid.NewGuid():N}.dll");
        File.Copy(typeof(MiniLmImportTests).Assembly.Location, dll);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => MiniLmPackage.LoadEncoder(dll));
            Assert.Contains("has no resource", e.Message);
        }
        finally { File.Delete(dll); }
    }

    [Fact]
    public void An_onnx_folder_without_config_reads_its_config_off_the_graph_and_says_an_encoder_has_no_head()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"onnx-bert-{Guid.NewGuid():N}")).FullName;
        File.WriteAllBytes(Path.Combine(folder, BertCheckpoint.OnnxFile), MiniLm.OnnxBytes);
        MiniLm.Vocabulary.Save(Path.Combine(folder, BertCheckpoint.VocabularyFile));
        Assert.Equal(MiniLm.Import.Config.ToJsonObject().ToJsonString(), BertCheckpoint.ReadConfig(folder).ToJsonObject().ToJsonString());
        var e = Assert.Throws<InvalidDataException>(() => Interpret.Core.Models.ModelFolder.LoadCheckpoint(folder, "mine"));
        Assert.Contains(BertCheckpoint.EncoderArchitecture, e.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_vocabulary_is_bert_base_uncased()
    {
        var vocabulary = MiniLm.Vocabulary;
        Assert.Equal(30522, vocabulary.Count);
        Assert.Equal((0, 100, 101, 102, 103), (vocabulary.PadId, vocabulary.UnkId, vocabulary.ClsId, vocabulary.SepId, vocabulary.MaskId));
        var shared = Path.Combine(Fixtures.RepositoryFiles.SharedData, "bert", "bert-base-uncased-vocab.txt");
        Assert.Equal(File.ReadAllLines(shared).Where(l => l.Length > 0), vocabulary.Tokens);
    }

    static TensorProto Float(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(values.SelectMany(BitConverter.GetBytes).ToArray());
        return t;
    }

    static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var n = new NodeProto { OpType = op, Name = op + "_0" };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        return n;
    }
}
