using System.Text.RegularExpressions;
using Google.Protobuf;
using Interpret.Core.Models.Bert;
using Onnx;
using static TorchSharp.torch;

namespace Interpret.Core.Models.Onnx;

/// <summary>
/// Turns the ONNX export of a HuggingFace BERT (<c>torch.onnx.export</c> of <c>BertModel</c>,
/// <c>BertForSequenceClassification</c> or <c>BertForMaskedLM</c>) into our HuggingFace-named state dict.
/// Embeddings, biases, LayerNorms, pooler and heads keep their names as initializers; the exporter renames the
/// projection weights (<c>927</c>, shape [in, out]) because it feeds them to <c>MatMul</c>. Each is recovered from the
/// graph: the <c>MatMul(x, W)</c> whose output goes into an <c>Add</c> with a named bias <c>….bias</c> is
/// <c>….weight</c>, transposed to PyTorch's [out, in]. Anything left that cannot be placed is an error naming it.
/// </summary>
public static partial class OnnxBertGraph
{
    public sealed record Import(BertConfig Config, Dictionary<string, Tensor> Weights) : IDisposable
    {
        public void Dispose()
        {
            foreach (var t in Weights.Values) t.Dispose();
        }
    }

    public static ModelProto Parse(byte[] onnx, string source)
    {
        try { return ModelProto.Parser.ParseFrom(onnx); }
        catch (InvalidProtocolBufferException e) { throw new InvalidDataException($"{source} is not a valid ONNX model: {e.Message}", e); }
    }

    /// <summary>The state dict (named as in the graph, without a <c>bert.</c> prefix when the export had none) and a
    /// config: <paramref name="config"/> when the folder has a config.json, otherwise read off the graph.</summary>
    public static Import Read(ModelProto model, string source, BertConfig? config = null)
    {
        var graph = model.Graph ?? throw new InvalidDataException($"{source} has no graph.");
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var producers = new Dictionary<string, NodeProto>();
        var consumers = new Dictionary<string, List<NodeProto>>();
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output) producers[output] = node;
            foreach (var input in node.Input) (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(node);
        }

        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, init) in initializers)
                if (IsParameterName(name) && OnnxTensors.IsFloat(init)) weights[name] = OnnxTensors.ToFloat32(init);

            var placed = new HashSet<string>();
            foreach (var node in graph.Node.Where(n => n.OpType is "MatMul" or "Gemm"))
            {
                if (node.Input.Count < 2 || !initializers.TryGetValue(node.Input[1], out var matrix) || IsParameterName(matrix.Name)) continue;
                var bias = node.OpType == "Gemm" && node.Input.Count > 2 ? node.Input[2] : AddedBias(node.Output[0], consumers, initializers);
                if (bias is null || !bias.EndsWith(".bias", StringComparison.Ordinal))
                    throw new InvalidDataException($"{source}: initializer '{matrix.Name}' [{string.Join(", ", matrix.Dims)}] feeds {node.OpType} '{node.Name}', whose output is not added to a named bias; cannot tell which BERT weight it is.");
                var name = bias[..^".bias".Length] + ".weight";
                if (weights.ContainsKey(name)) throw new InvalidDataException($"{source}: two initializers map to '{name}' (the second is '{matrix.Name}').");
                using var stored = OnnxTensors.ToFloat32(matrix);
                bool alreadyOutIn = node.OpType == "Gemm" && node.Attribute.Any(a => a.Name == "transB" && a.I == 1);
                weights[name] = alreadyOutIn ? stored.clone() : stored.t().contiguous();
                placed.Add(matrix.Name);
            }
            var unplaced = initializers.Values.Where(i => OnnxTensors.IsFloat(i) && i.Dims.Count >= 2 && !IsParameterName(i.Name) && !placed.Contains(i.Name)).ToList();
            if (unplaced.Count > 0)
                throw new InvalidDataException($"{source}: initializer '{unplaced[0].Name}' [{string.Join(", ", unplaced[0].Dims)}] is a weight matrix that no MatMul/Add pattern of a BERT layer explains.");

            config ??= ConfigFromGraph(graph, weights, producers, consumers, initializers, source);
            return new Import(config, weights);
        }
        catch
        {
            foreach (var t in weights.Values) t.Dispose();
            throw;
        }
    }

    /// <summary>HuggingFace parameter names: dotted, ending in weight or bias (embeddings, biases, LayerNorms, pooler, heads).</summary>
    static bool IsParameterName(string name) => ParameterName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][\w.]*\.(weight|bias)$")]
    private static partial Regex ParameterName();

    static string? AddedBias(string output, Dictionary<string, List<NodeProto>> consumers, Dictionary<string, TensorProto> initializers)
    {
        foreach (var add in consumers.GetValueOrDefault(output) ?? [])
        {
            if (add.OpType != "Add") continue;
            var other = add.Input.FirstOrDefault(i => i != output);
            if (other is not null && initializers.ContainsKey(other)) return other;
        }
        return null;
    }

    static BertConfig ConfigFromGraph(GraphProto graph, Dictionary<string, Tensor> weights, Dictionary<string, NodeProto> producers,
        Dictionary<string, List<NodeProto>> consumers, Dictionary<string, TensorProto> initializers, string source)
    {
        string prefix = weights.ContainsKey("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        Tensor Need(string name) => weights.GetValueOrDefault(prefix + name)
            ?? throw new InvalidDataException($"{source} has no initializer '{prefix}{name}'; it does not look like a BERT export.");
        var words = Need("embeddings.word_embeddings.weight");
        int hidden = (int)words.shape[1];
        int layers = weights.Keys.Select(k => LayerIndex().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max() + 1;
        if (layers == 0) throw new InvalidDataException($"{source} has no encoder.layer.N initializers.");
        string architecture = weights.ContainsKey("classifier.weight") ? BertCheckpoint.ClassifierArchitecture
            : weights.Keys.Any(k => k.StartsWith("cls.predictions.", StringComparison.Ordinal)) ? BertCheckpoint.MaskedLmArchitectures[0]
            : BertCheckpoint.EncoderArchitecture;
        int labels = weights.TryGetValue("classifier.weight", out var classifier) ? (int)classifier.shape[0] : 0;
        return new BertConfig
        {
            Architectures = [architecture],
            VocabularySize = (int)words.shape[0],
            HiddenSize = hidden,
            Layers = layers,
            Heads = HeadsFromGraph(prefix, hidden, producers, consumers, initializers, source),
            IntermediateSize = (int)Need("encoder.layer.0.intermediate.dense.bias").shape[0],
            MaxPositions = (int)Need("embeddings.position_embeddings.weight").shape[0],
            TokenTypes = (int)Need("embeddings.token_type_embeddings.weight").shape[0],
            LayerNormEps = LayerNormEpsilon(graph, producers, initializers) ?? 1e-12,
            NumLabels = labels > 0 ? labels : null,
        };
    }

    [GeneratedRegex(@"encoder\.layer\.(\d+)\.")]
    private static partial Regex LayerIndex();

    /// <summary>Layer 0's query is reshaped to [batch, time, heads, head size]: the two constants whose product is the
    /// hidden size give the heads.</summary>
    static int HeadsFromGraph(string prefix, int hidden, Dictionary<string, NodeProto> producers, Dictionary<string, List<NodeProto>> consumers,
        Dictionary<string, TensorProto> initializers, string source)
    {
        var bias = prefix + "encoder.layer.0.attention.self.query.bias";
        var add = consumers.GetValueOrDefault(bias)?.FirstOrDefault(n => n.OpType == "Add");
        var reshape = add is null ? null : consumers.GetValueOrDefault(add.Output[0])?.FirstOrDefault(n => n.OpType == "Reshape");
        if (reshape is not null && reshape.Input.Count > 1)
        {
            var dims = new List<long>();
            if (producers.TryGetValue(reshape.Input[1], out var concat) && concat.OpType == "Concat")
                foreach (var part in concat.Input) dims.AddRange(ConstantInt64(part, producers, initializers) ?? []);
            else dims.AddRange(ConstantInt64(reshape.Input[1], producers, initializers) ?? []);
            var positive = dims.Where(d => d > 0).ToList();
            for (int i = 0; i + 1 < positive.Count; i++)
                if (positive[i] * positive[i + 1] == hidden) return (int)positive[i];
        }
        throw new InvalidDataException($"{source}: the number of attention heads cannot be read off the graph (layer 0's query reshape); put a config.json beside the model.");
    }

    static long[]? ConstantInt64(string name, Dictionary<string, NodeProto> producers, Dictionary<string, TensorProto> initializers) =>
        initializers.TryGetValue(name, out var init) ? OnnxTensors.Int64Values(init)
        : producers.TryGetValue(name, out var node) && node.OpType == "Constant" && node.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } t ? OnnxTensors.Int64Values(t)
        : null;

    /// <summary>LayerNorm is exported as (x − mean) / sqrt(var + ε): ε is the constant added before the first Sqrt.</summary>
    static double? LayerNormEpsilon(GraphProto graph, Dictionary<string, NodeProto> producers, Dictionary<string, TensorProto> initializers)
    {
        var sqrt = graph.Node.FirstOrDefault(n => n.OpType == "Sqrt");
        if (sqrt is null || !producers.TryGetValue(sqrt.Input[0], out var add) || add.OpType != "Add") return null;
        foreach (var input in add.Input)
        {
            var t = initializers.GetValueOrDefault(input)
                ?? (producers.TryGetValue(input, out var c) && c.OpType == "Constant" ? c.Attribute.FirstOrDefault(a => a.Name == "value")?.T : null);
            if (t is not null && OnnxTensors.Scalar(t) is { } eps) return eps;
        }
        return null;
    }
}
