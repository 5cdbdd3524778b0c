using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Models.Bert.Lora;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>What <see cref="LoraTrainer"/> fine-tunes: a model whose head (the modules saved whole) trains with the
/// adapters, a loss over a batch of examples, and a dev score (higher is better) that picks the checkpoint.</summary>
public interface ILoraTask<TExample>
{
    nn.Module Model { get; }

    /// <summary>Length of an example in pieces: batches group examples of similar length.</summary>
    int Length(TExample example);

    Tensor Loss(IReadOnlyList<TExample> batch);

    /// <summary>Dev score with the model in eval mode (accuracy, F1, …), higher is better.</summary>
    double Score(IReadOnlyList<TExample> dev);
}

/// <summary>
/// Fine-tunes a model over the pretrained MiniLM encoder with LoRA adapters: the encoder stays frozen, only the
/// adapters and the head train (AdamW, linear warm-up then decay, gradient norm clipped at 1). Batches group examples
/// of similar length so little compute goes to padding. Every <see cref="LoraFineTuningOptions.EvaluateEvery"/> steps
/// the dev score is measured and the adapters, optimiser moments and step are checkpointed into the run folder, so a
/// stopped run resumes there; the adapters with the best dev score are kept and loaded at the end.
/// </summary>
public sealed class LoraTrainer(LoraFineTuningOptions options, string runDirectory, TrainingLog log)
{
    sealed record RunState(int Step, double BestScore, int BestStep, double Seconds);

    const int ProgressEvery = 25;

    public sealed record Result(LoraAdapters Adapters, double BestScore, int BestStep, double Seconds);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string LastPath => Path.Combine(runDirectory, "last-adapters.safetensors");
    string OptimizerPath => Path.Combine(runDirectory, "optimizer.bin");
    string BestPath => Path.Combine(runDirectory, "best-adapters.safetensors");

    /// <param name="adapterConfig">which Linear layers get adapters and which modules (the head) train whole</param>
    public Result Train<TExample>(ILoraTask<TExample> task, LoraConfig adapterConfig, IReadOnlyList<TExample> train, IReadOnlyList<TExample> dev,
        string scoreName, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        var model = task.Model;
        foreach (var (name, p) in model.named_parameters())
            p.requires_grad_(adapterConfig.ModulesToSave.Any(m => name.StartsWith(m + ".", StringComparison.Ordinal)));
        var adapters = LoraAdapters.Attach(model, adapterConfig);
        var trainable = adapters.Parameters().Concat(adapters.SavedModuleParameters().Select(p => p.Value)).ToList();
        using var optimizer = optim.AdamW(trainable, options.LearningRate, weight_decay: options.WeightDecay);

        var state = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath))! : new RunState(0, double.NegativeInfinity, 0, 0);
        if (state.Step > 0)
        {
            using (var scope = NewDisposeScope()) adapters.Load(Safetensors.LoadStateDict(LastPath), LastPath);
            optimizer.load_py(OptimizerPath);
            log.Write($"resumed at step {state.Step}, best dev {scoreName} {state.BestScore:F4} at step {state.BestStep}");
        }
        log.Write($"train {train.Count:N0}, dev {dev.Count:N0}, {adapters.Count} adapted layers, {trainable.Sum(p => p.numel()):N0} trainable parameters, {options}");

        var batches = Batches(train, task.Length);
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
                optimizer.zero_grad();
                var loss = task.Loss(batches[step % batches.Count]);
                loss.backward();
                nn.utils.clip_grad_norm_(trainable, 1.0);
                optimizer.step();
                lossSum += loss.item<float>();
                lossCount++;
            }
            bool last = step + 1 == options.Steps;
            bool evaluate = (step + 1) % options.EvaluateEvery == 0 || last;
            // A pretrained encoder's steps take seconds: say how it goes between the (rare) evaluations.
            if (!evaluate && (step + 1) % ProgressEvery == 0)
                log.Write($"step {step + 1}/{options.Steps}: train loss {lossSum / lossCount:F4}, {clock.Elapsed.TotalSeconds / lossCount:F2} s/step");
            if (!evaluate) continue;

            adapters.Training = false;
            model.eval();
            double stepSeconds = clock.Elapsed.TotalSeconds / Math.Max(1, lossCount);
            double score;
            using (no_grad()) score = task.Score(dev);
            bool best = score > state.BestScore;
            state = new RunState(step + 1, best ? score : state.BestScore, best ? step + 1 : state.BestStep, state.Seconds + clock.Elapsed.TotalSeconds);
            var weights = adapters.StateDict();
            Safetensors.SaveStateDict(LastPath, weights);
            if (best) Safetensors.SaveStateDict(BestPath, weights);
            optimizer.save_py(OptimizerPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"step {step + 1}/{options.Steps}: train loss {lossSum / Math.Max(1, lossCount):F4}, dev {scoreName} {score:F4}{(best ? " (best)" : "")}, " +
                      $"{stepSeconds:F2} s/step, dev scored in {clock.Elapsed.TotalSeconds - stepSeconds * lossCount:F0} s");
            clock.Restart();
            lossSum = 0;
            lossCount = 0;
        }

        using (var scope = NewDisposeScope()) adapters.Load(Safetensors.LoadStateDict(BestPath), BestPath);
        adapters.Training = false;
        model.eval();
        return new Result(adapters, state.BestScore, state.BestStep, state.Seconds);
    }

    /// <summary>One pass over the training examples in seeded random order, cut into batches of examples of similar
    /// length (sorted within windows of 50 batches), the batches themselves shuffled; repeated passes use new seeds.
    /// Deterministic, so a resumed run sees the batches the stopped one would have.</summary>
    List<TExample[]> Batches<TExample>(IReadOnlyList<TExample> train, Func<TExample, int> length)
    {
        int perPass = (train.Count + options.BatchSize - 1) / options.BatchSize;
        int passes = Math.Max(1, (options.Steps + perPass - 1) / perPass);
        var all = new List<TExample[]>();
        for (int pass = 0; pass < passes; pass++)
        {
            var random = new Random(RunSeeds.For(options.Seed, 3, pass));
            var order = Enumerable.Range(0, train.Count).ToArray();
            random.Shuffle(order);
            var batches = order.Chunk(options.BatchSize * 50)
                .SelectMany(window => window.OrderBy(i => length(train[i])).Chunk(options.BatchSize))
                .Select(ids => ids.Select(i => train[i]).ToArray()).ToArray();
            random.Shuffle(batches);
            all.AddRange(batches);
        }
        return all;
    }
}
