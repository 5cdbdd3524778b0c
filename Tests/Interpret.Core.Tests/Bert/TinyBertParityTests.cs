using Interpret.Core.Models.Bert;
using TorchSharp;
using static TorchSharp.torch;
using static Interpret.Core.Tests.Bert.TinyBertReference;

namespace Interpret.Core.Tests.Bert;

/// <summary>The BERT port against HuggingFace transformers' own outputs for the tiny-bert fixture, loaded from each
/// of its two weight files: weights, MLM logits, hidden states per layer, attention probabilities and the gradient
/// at the word embeddings.</summary>
public sealed class TinyBertParityTests
{
    public static TheoryData<string, string> FilesAndCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { BertCheckpoint.SafetensorsFile, BertCheckpoint.PickleFile })
            foreach (var name in CaseNames) data.Add(file, name);
        return data;
    }

    /// <summary>A copy of the fixture folder with only one weights file, so the loader must read that one.</summary>
    internal static string FolderWith(string weightsFile)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tiny-bert-" + weightsFile.Replace('.', '-') + "-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        foreach (var name in new[] { BertCheckpoint.ConfigFile, BertCheckpoint.VocabularyFile, weightsFile })
            if (!File.Exists(Path.Combine(dir, name))) File.Copy(Path.Combine(Folder, name), Path.Combine(dir, name));
        return dir;
    }

    internal static BertForMaskedLm Load(string weightsFile)
    {
        var (model, _) = BertCheckpoint.Load(FolderWith(weightsFile));
        return Assert.IsType<BertForMaskedLm>(model);
    }

    [Theory]
    [InlineData(BertCheckpoint.SafetensorsFile)]
    [InlineData(BertCheckpoint.PickleFile)]
    public void Every_weight_matches_the_reference_sum_and_norm(string file)
    {
        using var model = Load(file);
        var tensors = Json.GetProperty("tensors");
        foreach (var (name, tensor) in model.state_dict())
        {
            var reference = tensors.GetProperty(name);
            Assert.Equal(Longs(reference.GetProperty("shape")), tensor.shape);
            using var d = tensor.to_type(ScalarType.Float64);
            Close(reference.GetProperty("sum").GetDouble(), d.sum().item<double>(), name + " sum");
            Close(reference.GetProperty("l2").GetDouble(), d.norm().item<double>(), name + " l2");
        }
        // Tied decoder: the fixture's decoder.weight is the word-embedding table.
        Assert.Equal(tensors.GetProperty("cls.predictions.decoder.weight").GetProperty("sum").GetDouble(),
            tensors.GetProperty("bert.embeddings.word_embeddings.weight").GetProperty("sum").GetDouble());
    }

    [Theory]
    [MemberData(nameof(FilesAndCases))]
    public void Logits_hidden_states_and_attentions_match_transformers(string file, string caseName)
    {
        using var scope = NewDisposeScope();
        using var model = Load(file);
        var c = Case(caseName);
        var (ids, mask, types) = Inputs(c);
        using var _ = no_grad();
        var encoding = model.Bert.Encode(ids, mask, types, keepAll: true);
        var logits = model.PredictWords(encoding.LastHidden).to_type(ScalarType.Float64);

        var mlm = c.GetProperty("mlm");
        Close(mlm.GetProperty("logits_sum").GetDouble(), logits.sum().item<double>(), "logits sum");
        Close(mlm.GetProperty("logits_l2").GetDouble(), logits.norm().item<double>(), "logits l2");
        foreach (var at in mlm.GetProperty("at_masks").EnumerateArray())
        {
            int p = at.GetProperty("position").GetInt32();
            var row = logits[0, p];
            var (values, indices) = row.topk(10);
            Assert.Equal(Longs(at.GetProperty("top10_ids")), indices.data<long>().ToArray());
            Close(Doubles(at.GetProperty("top10_logits")), values.data<double>().ToArray(), $"top-10 logits at {p}");
            Close(at.GetProperty("row_sum").GetDouble(), row.sum().item<double>(), $"row sum at {p}");
            Close(at.GetProperty("row_l2").GetDouble(), row.norm().item<double>(), $"row l2 at {p}");
            var probes = Longs(at.GetProperty("probe_ids")).Select(id => row[id].item<double>()).ToArray();
            Close(Doubles(at.GetProperty("probe_logits")), probes, $"probe logits at {p}");
        }

        var hidden = c.GetProperty("hidden_states");
        var all = hidden.GetProperty("all_first8").EnumerateArray().ToList();
        Assert.Equal(model.Config.Layers + 1, encoding.HiddenStates.Count);
        for (int layer = 0; layer < all.Count; layer++)
        {
            var state = encoding.HiddenStates[layer][0].to_type(ScalarType.Float64);
            Close(First8(all[layer]), state[.., ..8].data<double>().ToArray(), $"hidden state {layer} first 8");
            Close(hidden.GetProperty("all_sum")[layer].GetDouble(), state.sum().item<double>(), $"hidden state {layer} sum");
            Close(hidden.GetProperty("all_l2")[layer].GetDouble(), state.norm().item<double>(), $"hidden state {layer} l2");
        }
        Close(hidden.GetProperty("last_hidden_state_sum").GetDouble(), encoding.LastHidden.to_type(ScalarType.Float64).sum().item<double>(), "last hidden sum");

        var attentions = c.GetProperty("attentions").EnumerateArray().ToList();
        for (int layer = 0; layer < attentions.Count; layer++)
        {
            var expected = attentions[layer].EnumerateArray().SelectMany(h => h.EnumerateArray()).SelectMany(q => Doubles(q)).ToArray();
            var actual = encoding.Attentions[layer][0].to_type(ScalarType.Float64).flatten().data<double>().ToArray();
            Close(expected, actual, $"attention layer {layer}");
        }
    }

    [Theory]
    [MemberData(nameof(FilesAndCases))]
    public void Word_embedding_gradient_of_the_masked_loss_matches_transformers(string file, string caseName)
    {
        using var scope = NewDisposeScope();
        using var model = Load(file);
        var c = Case(caseName);
        var (ids, mask, types) = Inputs(c);
        var reference = c.GetProperty("word_embedding_grad");

        Tensor? embedded = null;
        var hook = model.TokenEmbedder.register_forward_hook((_, _, output) =>
        {
            embedded = output.detach().requires_grad_(true).DetachFromDisposeScope();
            return embedded;
        });
        Tensor logits;
        try { logits = model.Logits(ids, mask, types); }
        finally { hook.remove(); }
        var positions = Longs(c.GetProperty("mask_positions"));
        var targets = Longs(reference.GetProperty("target_ids"));
        var loss = zeros(1);
        for (int i = 0; i < positions.Length; i++)
            loss = loss + nn.functional.cross_entropy(logits[0, positions[i]].unsqueeze(0), tensor(new[] { targets[i] }));
        Close(reference.GetProperty("loss").GetDouble(), loss.item<float>(), "loss");

        var gradient = autograd.grad([loss.sum()], [embedded!])[0][0].to_type(ScalarType.Float64);
        var input = embedded!.detach()[0].to_type(ScalarType.Float64);
        Close(Doubles(reference.GetProperty("l2_per_token")), gradient.norm(1, false).data<double>().ToArray(), "gradient l2 per token");
        Close(Doubles(reference.GetProperty("sum_per_token")), gradient.sum(1).data<double>().ToArray(), "gradient sum per token");
        Close(Doubles(reference.GetProperty("grad_x_input_sum_per_token")), (gradient * input).sum(1).data<double>().ToArray(), "gradient × input per token");
        var first8 = reference.GetProperty("first8").EnumerateArray().ToList();
        for (int t = 0; t < first8.Count; t++)
            Close(Doubles(first8[t]), gradient[t, ..8].data<double>().ToArray(), $"gradient first 8 at {t}");
        embedded.Dispose();
    }


    static double[] First8(System.Text.Json.JsonElement rows) => rows.EnumerateArray().SelectMany(Doubles).ToArray();

    internal static (Tensor Ids, Tensor Mask, Tensor Types) Inputs(System.Text.Json.JsonElement c) =>
        (tensor(Longs(c.GetProperty("input_ids"))).unsqueeze(0),
         tensor(Longs(c.GetProperty("attention_mask"))).unsqueeze(0),
         tensor(Longs(c.GetProperty("token_type_ids"))).unsqueeze(0));
}
