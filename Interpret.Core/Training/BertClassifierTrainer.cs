using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Models.Bert;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Fine-tunes a pre-trained BERT masked LM's encoder as a <c>BertForSequenceClassification</c>: the encoder starts
/// from the masked LM, the pooler and classifier from BERT's initialisation; AdamW with linear warm-up and decay;
/// the epoch with the best dev accuracy is kept. Each epoch checkpoints weights, optimiser moments and the step into a
/// run folder, so a stopped run resumes after its last finished epoch.
/// </summary>
public sealed class BertClassifierTrainer(BertFineTuningOptions options, string runDirectory, TrainingLog log)
{
    /// <summary>One example: its piece ids with [CLS] and [SEP], and its class index.</summary>
    public sealed record Example(long[] Ids, long Label);

    sealed record RunState(int EpochsDone, double BestDevAccuracy, int BestEpoch, double Seconds);

    public sealed record Result(BertForSequenceClassification Model, BertConfig Config, double BestDevAccuracy, int BestEpoch, int Epochs, double Seconds);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string LastPath => Path.Combine(runDirectory, "last.safetensors");
    string OptimizerPath => Path.Combine(runDirectory, "optimizer.bin");
    string BestPath => Path.Combine(runDirectory, "best.safetensors");

    public Result Train(string pretrainedFolder, IReadOnlyList<Example> train, IReadOnlyList<Example> dev, IReadOnlyList<string> labels,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        torch.manual_seed(options.Seed);
        var pretrainedConfig = BertCheckpoint.ReadConfig(pretrainedFolder);
        var config = pretrainedConfig with
        {
            Architectures = [BertCheckpoint.ClassifierArchitecture],
            IdToLabel = labels.Select((l, i) => (l, i)).ToDictionary(x => x.i.ToString(), x => x.l),
            NumLabels = labels.Count,
            HiddenDropout = options.Dropout,
            AttentionDropout = options.Dropout,
        };
        var model = new BertForSequenceClassification(config);
        var state = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath))! : new RunState(0, -1, 0, 0);
        int stepsPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        int totalSteps = stepsPerEpoch * options.Epochs;
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        if (state.EpochsDone > 0)
        {
            CheckpointFiles.Load(model, LastPath);
            optimizer.load_py(OptimizerPath);
            log.Write($"resumed after epoch {state.EpochsDone}, best dev accuracy {state.BestDevAccuracy:P2} at epoch {state.BestEpoch}");
        }
        else StartFrom(model, pretrainedFolder);
        log.Write($"train {train.Count:N0}, dev {dev.Count:N0}, {totalSteps:N0} steps, {options}");

        for (int epoch = state.EpochsDone; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            var random = new Random(RunSeeds.For(options.Seed, 2, epoch));
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(order);
            double lossSum = 0;
            for (int b = 0; b < stepsPerEpoch; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                int step = epoch * stepsPerEpoch + b;
                double warmup = Math.Max(1, options.WarmupFraction * totalSteps);
                LearningRateSchedule.Apply(optimizer, options.LearningRate * LearningRateSchedule.WarmupThenLinearDecay(step, warmup, totalSteps));

                using var scope = NewDisposeScope();
                var rows = order.Skip(b * options.BatchSize).Take(options.BatchSize).Select(i => train[i]).ToList();
                var (ids, mask) = Models.TokenBatch.Encode(rows.Select(r => r.Ids).ToList());
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.Classify(ids, mask), tensor(rows.Select(r => r.Label).ToArray()));
                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters(), 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
            }
            double accuracy = Accuracy(model, dev);
            bool best = accuracy > state.BestDevAccuracy;
            state = new RunState(epoch + 1, best ? accuracy : state.BestDevAccuracy, best ? epoch + 1 : state.BestEpoch, state.Seconds + clock.Elapsed.TotalSeconds);
            CheckpointFiles.Save(model, LastPath);
            optimizer.save_py(OptimizerPath);
            if (best) CheckpointFiles.Save(model, BestPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"epoch {epoch + 1}/{options.Epochs}: train loss {lossSum / stepsPerEpoch:F4}, dev accuracy {accuracy:P2}{(best ? " (best)" : "")}, {clock.Elapsed.TotalMinutes:F1} min");
        }

        CheckpointFiles.Load(model, BestPath);
        model.eval();
        return new Result(model, config, state.BestDevAccuracy, state.BestEpoch, state.EpochsDone, state.Seconds);
    }

    /// <summary>The encoder's weights from the masked LM; pooler and classifier get BERT's normal(0, 0.02) start.</summary>
    static void StartFrom(BertForSequenceClassification model, string pretrainedFolder)
    {
        var (pretrained, _) = BertCheckpoint.Load(pretrainedFolder);
        using var source = pretrained;
        var weights = source.state_dict();
        using var _ = no_grad();
        foreach (var (name, target) in model.state_dict())
        {
            if (weights.TryGetValue(name, out var value)) target.copy_(value);
            else if (name.EndsWith("bias")) target.zero_();
            else target.normal_(0, 0.02);
        }
    }

    static double Accuracy(BertForSequenceClassification model, IReadOnlyList<Example> rows)
    {
        model.eval();
        using var _ = no_grad();
        int correct = 0;
        foreach (var chunk in rows.Chunk(128))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = Models.TokenBatch.Encode(chunk.Select(r => r.Ids).ToList());
            var predicted = model.Classify(ids, mask).argmax(1).data<long>().ToArray();
            correct += predicted.Where((p, i) => p == chunk[i].Label).Count();
        }
        return (double)correct / rows.Count;
    }
}
