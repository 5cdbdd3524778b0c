using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Fine-tunes the pretrained MiniLM encoder as a <c>BertForSequenceClassification</c> with LoRA adapters: the encoder
/// stays frozen, only the adapters and the classifier train (AdamW, linear warm-up then decay). Batches group rows of
/// similar length so little compute goes to padding. Every <see cref="LoraFineTuningOptions.EvaluateEvery"/> steps the
/// dev accuracy is measured and the adapters, optimiser moments and step are checkpointed into the run folder, so a
/// stopped run resumes there; the checkpoint with the best dev accuracy is kept.
/// </summary>
public sealed class LoraClassifierTrainer(LoraFineTuningOptions options, string runDirectory, TrainingLog log)
{
    /// <summary>One example: its packed piece ids (<c>[CLS] a [SEP]</c> or <c>[CLS] a [SEP] b [SEP]</c>), their token
    /// types, and its class index.</summary>
    public sealed record Example(long[] Ids, long[] Types, long Label);

    sealed record RunState(int Step, double BestDevAccuracy, int BestStep, double Seconds);

    public sealed record Result(BertForSequenceClassification Model, BertConfig Config, LoraAdapters Adapters,
        double BestDevAccuracy, int BestStep, double Seconds);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string LastPath => Path.Combine(runDirectory, "last-adapters.safetensors");
    string OptimizerPath => Path.Combine(runDirectory, "optimizer.bin");
    string BestPath => Path.Combine(runDirectory, "best-adapters.safetensors");

    public LoraConfig AdapterConfig => new()
    {
        BaseModel = MiniLmPackage.Name,
        Rank = options.Rank,
        Alpha = options.Alpha,
        Dropout = options.Dropout,
    };

    public Result Train(IReadOnlyList<Example> train, IReadOnlyList<Example> dev, IReadOnlyList<string> labels, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        torch.manual_seed(options.Seed);
        var (model, config) = MiniLmPackage.NewClassifier(labels, options.Dropout);
        foreach (var (name, p) in model.named_parameters()) p.requires_grad_(name.StartsWith("classifier.", StringComparison.Ordinal));
        var adapters = LoraAdapters.Attach(model, AdapterConfig);
        var trainable = adapters.Parameters().Concat(adapters.SavedModuleParameters().Select(p => p.Value)).ToList();
        using var optimizer = optim.AdamW(trainable, options.LearningRate, weight_decay: options.WeightDecay);

        var state = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath))! : new RunState(0, -1, 0, 0);
        if (state.Step > 0)
        {
            using (var scope = NewDisposeScope()) adapters.Load(Safetensors.LoadStateDict(LastPath), LastPath);
            optimizer.load_py(OptimizerPath);
            log.Write($"resumed at step {state.Step}, best dev accuracy {state.BestDevAccuracy:P2} at step {state.BestStep}");
        }
        log.Write($"train {train.Count:N0}, dev {dev.Count:N0}, {adapters.Count} adapted layers, {trainable.Sum(p => p.numel()):N0} trainable parameters, {options}");

        var batches = Batches(train);
        double warmup = Math.Max(1, options.WarmupFraction * options.Steps);
        var clock = Stopwatch.StartNew();
        double lossSum = 0;
        int lossCount = 0;
        for (int step = state.Step; step < options.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            model.train();
            adapters.Training = true;
            LearningRateSchedule.Apply(optimizer, options.LearningRate * LearningRateSchedule.WarmupThenLinearDecay(step, warmup, options.Steps));
            using (var scope = NewDisposeScope())
            {
                var rows = batches[step % batches.Count];
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(Logits(model, rows), tensor(rows.Select(r => r.Label).ToArray()));
                loss.backward();
                nn.utils.clip_grad_norm_(trainable, 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
                lossCount++;
            }
            bool last = step + 1 == options.Steps;
            if ((step + 1) % options.EvaluateEvery != 0 && !last) continue;

            adapters.Training = false;
            double accuracy = Accuracy(model, dev);
            bool best = accuracy > state.BestDevAccuracy;
            state = new RunState(step + 1, best ? accuracy : state.BestDevAccuracy, best ? step + 1 : state.BestStep, state.Seconds + clock.Elapsed.TotalSeconds);
            var weights = adapters.StateDict();
            Safetensors.SaveStateDict(LastPath, weights);
            if (best) Safetensors.SaveStateDict(BestPath, weights);
            optimizer.save_py(OptimizerPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"step {step + 1}/{options.Steps}: train loss {lossSum / Math.Max(1, lossCount):F4}, dev accuracy {accuracy:P2}{(best ? " (best)" : "")}, " +
                      $"{clock.Elapsed.TotalSeconds / Math.Max(1, lossCount):F2} s/step");
            clock.Restart();
            lossSum = 0;
            lossCount = 0;
        }

        using (var scope = NewDisposeScope()) adapters.Load(Safetensors.LoadStateDict(BestPath), BestPath);
        adapters.Training = false;
        model.eval();
        return new Result(model, config, adapters, state.BestDevAccuracy, state.BestStep, state.Seconds);
    }

    /// <summary>One pass over the training rows in seeded random order, cut into batches of rows of similar length
    /// (sorted within windows of 50 batches), the batches themselves shuffled; repeated passes use new seeds.
    /// Deterministic, so a resumed run sees the batches the stopped one would have.</summary>
    List<Example[]> Batches(IReadOnlyList<Example> train)
    {
        int perPass = (train.Count + options.BatchSize - 1) / options.BatchSize;
        int passes = Math.Max(1, (options.Steps + perPass - 1) / perPass);
        var all = new List<Example[]>();
        for (int pass = 0; pass < passes; pass++)
        {
            var random = new Random(RunSeeds.For(options.Seed, 3, pass));
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(order);
            var batches = order.Chunk(options.BatchSize * 50)
                .SelectMany(window => window.OrderBy(i => train[i].Ids.Length).Chunk(options.BatchSize))
                .Select(ids => ids.Select(i => train[i]).ToArray()).ToArray();
            random.Shuffle(batches);
            all.AddRange(batches);
        }
        return all;
    }

    static Tensor Logits(BertForSequenceClassification model, IReadOnlyList<Example> rows)
    {
        var (ids, mask) = Models.TokenBatch.Encode(rows.Select(r => r.Ids).ToList());
        var (types, _) = Models.TokenBatch.Encode(rows.Select(r => r.Types).ToList());
        return model.Classify(ids, mask, types);
    }

    public static double Accuracy(BertForSequenceClassification model, IReadOnlyList<Example> rows)
    {
        model.eval();
        using var _ = no_grad();
        int correct = 0;
        foreach (var chunk in rows.OrderBy(r => r.Ids.Length).Chunk(64))
        {
            using var scope = NewDisposeScope();
            var predicted = Logits(model, chunk).argmax(1).data<long>().ToArray();
            correct += predicted.Where((p, i) => p == chunk[i].Label).Count();
        }
        return (double)correct / rows.Count;
    }
}
