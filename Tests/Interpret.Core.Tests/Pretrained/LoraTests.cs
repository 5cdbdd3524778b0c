using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Predictors;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Pretrained;

/// <summary>LoRA adapters over the pretrained MiniLM: hooked, merged, saved in PEFT's layout and loaded back.</summary>
public class LoraTests
{
    static readonly string[] Labels = ["negative", "positive"];

    static (Tensor Ids, Tensor Mask) Batch()
    {
        var words = new Interpret.Core.Text.WordPiece.WordPieceTokenizer(MiniLm.Vocabulary);
        var rows = new[] { "a gripping, funny film", "it never finds its footing and drags on" }
            .Select(t => (long[])[MiniLm.Vocabulary.ClsId, .. words.Tokenize(t).Select(p => (long)p.Id), MiniLm.Vocabulary.SepId]).ToList();
        return TokenBatch.Encode(rows);
    }

    /// <summary>Adapters as after training: B drawn away from its zero start, so they change the output.</summary>
    static LoraAdapters Trained(BertForSequenceClassification model, int seed = 5)
    {
        var adapters = LoraAdapters.Attach(model, new LoraConfig { BaseModel = "test" });
        torch.manual_seed(seed);
        using (no_grad()) foreach (var p in adapters.Parameters().Where(p => p.shape[1] == 8)) p.normal_(0, 0.05);
        return adapters;
    }

    static Tensor Logits(BertForSequenceClassification model)
    {
        var (ids, mask) = Batch();
        using var _ = no_grad();
        return model.Classify(ids, mask);
    }

    [Fact]
    public void Adapters_target_every_projection_but_not_the_classifier_and_start_as_the_identity()
    {
        using var model = MiniLm.Classifier(2);
        var before = Logits(model);
        using var adapters = LoraAdapters.Attach(model, new LoraConfig());
        // 6 layers × (query, key, value, attention output, intermediate, output) + the pooler.
        Assert.Equal(6 * 6 + 1, adapters.Count);
        Assert.DoesNotContain(adapters.StateDict().Keys, k => k.Contains("classifier.lora"));
        Assert.True(allclose(before, Logits(model), rtol: 0, atol: 1e-6), "B starts at zero, so the adapted model is the base model");
    }

    [Fact]
    public void Merging_gives_the_logits_of_the_hooked_adapters()
    {
        using var model = MiniLm.Classifier(2);
        var baseLogits = Logits(model);
        using var adapters = Trained(model);
        var hooked = Logits(model);
        Assert.True((hooked - baseLogits).abs().max().item<float>() > 1e-3, "the adapters should change the logits");
        adapters.Merge();
        var merged = Logits(model);
        Assert.True((hooked - merged).abs().max().item<float>() < 1e-4, $"max |Δ| {(hooked - merged).abs().max().item<float>()}");
    }

    [Fact]
    public void A_saved_folder_loads_to_the_same_logits_as_the_model_in_memory()
    {
        using var model = MiniLm.Classifier(2);
        using var adapters = Trained(model);
        var inMemory = Logits(model);
        var folder = Path.Combine(Path.GetTempPath(), $"lora-{Guid.NewGuid():N}");
        var manifest = new ModelManifest
        {
            Id = "lora-test", Task = "sentiment", Labels = Labels, InputFields = ["text"],
            Architecture = new ArchitectureSpec(BertSpec.LoraClassifier, model.Config.ToJsonObject()),
            Tokenization = new TokenizationSpec("wordpiece", true, 512),
        };
        LoraModelFolder.Save(folder, manifest, adapters, MiniLm.Vocabulary);

        Assert.True(new FileInfo(Path.Combine(folder, LoraAdapters.WeightsFile)).Length < 2_000_000, "only what training changed is stored");
        using (var scope = NewDisposeScope())
        {
            var stored = Safetensors.LoadStateDict(Path.Combine(folder, LoraAdapters.WeightsFile));
            Assert.Contains("base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight", stored.Keys);
            Assert.Contains("base_model.model.classifier.weight", stored.Keys);
        }
        var (loaded, _) = LoraModelFolder.Load(folder, Labels);
        using (loaded)
        {
            var delta = (inMemory - Logits(loaded)).abs().max().item<float>();
            Assert.True(delta < 1e-4, $"max |Δ| {delta}");
        }
        using var predictor = ModelFolder.Load(folder);
        Assert.IsType<BertClassifierPredictor>(predictor);
        Assert.Equal("sentiment", predictor.Info.Task);
    }

    [Fact]
    public void A_missing_adapter_weight_is_named()
    {
        using var model = MiniLm.Classifier(2);
        using var adapters = Trained(model);
        var stored = adapters.StateDict();
        stored.Remove("base_model.model.bert.encoder.layer.3.output.dense.lora_B.weight");
        var e = Assert.Throws<InvalidDataException>(() => adapters.Load(stored, "adapter_model.safetensors"));
        Assert.Contains("layer.3.output.dense.lora_B", e.Message);
    }

    [Fact]
    public void The_adapter_config_round_trips_and_refuses_what_it_cannot_apply()
    {
        var path = Path.Combine(Path.GetTempPath(), $"adapter-{Guid.NewGuid():N}.json");
        var config = new LoraConfig { BaseModel = "m", Rank = 4, Alpha = 8 };
        config.Save(path);
        var back = LoraConfig.Load(path);
        Assert.Equal((4, 8.0, 2.0), (back.Rank, back.Alpha, back.Scale));
        Assert.Equal(config.TargetModules, back.TargetModules);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"LORA\"", "\"IA3\""));
        Assert.Contains("IA3", Assert.Throws<InvalidDataException>(() => LoraConfig.Load(path)).Message);
    }
}
