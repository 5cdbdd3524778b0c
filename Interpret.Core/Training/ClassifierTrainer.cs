using System.Diagnostics;
using System.Text.Json;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Trains a text classifier (one or more input fields) with Adam, keeps the epoch with the best dev accuracy, and
/// checkpoints every epoch into a run folder so a stopped run resumes where it was (the optimiser's moments restart).
/// The caller says which architecture to build for the vocabulary.
/// </summary>
public sealed class ClassifierTrainer(ClassifierTrainingOptions options, string runDirectory, TrainingLog log,
    Func<Vocabulary, ITextClassifierModel> createModel)
{
    sealed record RunState(int EpochsDone, double BestDevAccuracy, int BestEpoch, double Seconds);

    public sealed record Result(ITextClassifierModel Model, Vocabulary Vocabulary, double BestDevAccuracy, int BestEpoch, int Epochs, double Seconds);

    sealed record Encoded(long[][] Fields, long Label);

    string StatePath => Path.Combine(runDirectory, "state.json");
    string VocabularyPath => Path.Combine(runDirectory, "vocab.txt");
    string LastPath => Path.Combine(runDirectory, "last.safetensors");
    string BestPath => Path.Combine(runDirectory, "best.safetensors");

    public Result Train(IReadOnlyList<LabeledExample> train, IReadOnlyList<LabeledExample> dev, IReadOnlyList<string> labels,
        IReadOnlyDictionary<string, float[]>? glove, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(runDirectory);
        torch.manual_seed(options.Seed);
        var resumed = File.Exists(StatePath) ? JsonSerializer.Deserialize<RunState>(File.ReadAllText(StatePath)) : null;
        var vocabulary = resumed is null
            ? Vocabulary.Build(train.SelectMany(s => s.Fields).Concat(glove?.Keys.Select(k => new[] { k }) ?? []), options.MinCount)
            : Vocabulary.Load(VocabularyPath);
        if (resumed is null) vocabulary.Save(VocabularyPath);

        var model = createModel(vocabulary);
        var module = (nn.Module)model;
        if (resumed is not null)
        {
            SafetensorsWeights.Load(module, LastPath);
            log.Write($"resumed after epoch {resumed.EpochsDone}, best dev accuracy {resumed.BestDevAccuracy:P2} at epoch {resumed.BestEpoch}");
        }
        else if (glove is not null) InitialiseFromGlove(model, vocabulary, glove);

        var state = resumed ?? new RunState(0, -1, 0, 0);
        var trainIds = Encode(train, vocabulary, labels);
        var devIds = Encode(dev, vocabulary, labels);
        using var optimizer = optim.Adam(module.parameters(), options.LearningRate);
        var random = new Random(options.Seed + state.EpochsDone);
        log.Write($"train {train.Count:N0} rows, dev {dev.Count:N0}, vocabulary {vocabulary.Count:N0}, {options}");

        for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            double loss = RunEpoch(model, module, optimizer, trainIds, random, cancellation);
            double accuracy = Accuracy(model, devIds);
            bool best = accuracy > state.BestDevAccuracy;
            state = new RunState(epoch, best ? accuracy : state.BestDevAccuracy, best ? epoch : state.BestEpoch, state.Seconds + clock.Elapsed.TotalSeconds);
            SafetensorsWeights.Save(module, LastPath);
            if (best) SafetensorsWeights.Save(module, BestPath);
            File.WriteAllText(StatePath, JsonSerializer.Serialize(state));
            log.Write($"epoch {epoch}/{options.Epochs}: train loss {loss:F4}, dev accuracy {accuracy:P2}{(best ? " (best)" : "")}, {clock.Elapsed.TotalSeconds:F0} s");
        }

        SafetensorsWeights.Load(module, BestPath);
        model.Freeze();
        return new Result(model, vocabulary, state.BestDevAccuracy, state.BestEpoch, state.EpochsDone, state.Seconds);
    }

    static void InitialiseFromGlove(ITextClassifierModel model, Vocabulary vocabulary, IReadOnlyDictionary<string, float[]> glove)
    {
        using var _ = no_grad();
        var weight = model.EmbeddingMatrix;
        int dim = (int)weight.shape[1], found = 0;
        // GloVe fills the leading dimensions; any further ones keep their random start.
        int width = Math.Min(dim, glove.First().Value.Length);
        for (int id = 2; id < vocabulary.Count; id++)
            if (glove.TryGetValue(vocabulary[id], out var vector))
            {
                weight[id].narrow(0, 0, width).copy_(tensor(vector[..width]));
                found++;
            }
        weight[Vocabulary.PaddingId].zero_();
        Console.WriteLine($"GloVe initialised {found:N0} of {vocabulary.Count:N0} embeddings.");
    }

    static List<Encoded> Encode(IReadOnlyList<LabeledExample> rows, Vocabulary vocabulary, IReadOnlyList<string> labels) =>
        rows.Select(r => new Encoded(r.Fields.Select(f => f.Select(t => (long)vocabulary.IdOf(t)).ToArray()).ToArray(),
            labels.ToList().IndexOf(r.Label))).ToList();

    static List<(Tensor Ids, Tensor Mask)> Batch(IReadOnlyList<Encoded> rows) =>
        Enumerable.Range(0, rows[0].Fields.Length).Select(f => TokenBatch.Encode(rows.Select(r => r.Fields[f]).ToList())).ToList();

    double RunEpoch(ITextClassifierModel model, nn.Module module, optim.Optimizer optimizer, List<Encoded> rows, Random random, CancellationToken cancellation)
    {
        module.train();
        // Shuffle, then sort within windows of 50 batches by length: little padding, still random batches.
        var order = rows.OrderBy(_ => random.Next()).ToList();
        int window = options.BatchSize * 50;
        var batches = new List<List<Encoded>>();
        for (int w = 0; w < order.Count; w += window)
        {
            var sorted = order.Skip(w).Take(window).OrderBy(r => r.Fields.Sum(f => f.Length)).ToList();
            for (int b = 0; b < sorted.Count; b += options.BatchSize) batches.Add(sorted.Skip(b).Take(options.BatchSize).ToList());
        }
        batches = batches.OrderBy(_ => random.Next()).ToList();

        double total = 0;
        foreach (var batch in batches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var target = tensor(batch.Select(b => b.Label).ToArray());
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.Classify(Batch(batch)), target);
            loss.backward();
            nn.utils.clip_grad_norm_(module.parameters(), 5.0);
            optimizer.step();
            total += loss.item<float>() * batch.Count;
        }
        return total / rows.Count;
    }

    static double Accuracy(ITextClassifierModel model, List<Encoded> rows)
    {
        model.Freeze();
        using var _ = no_grad();
        int correct = 0;
        for (int b = 0; b < rows.Count; b += 256)
        {
            using var scope = NewDisposeScope();
            var batch = rows.Skip(b).Take(256).ToList();
            var predicted = model.Classify(Batch(batch)).argmax(1).data<long>().ToArray();
            correct += predicted.Where((p, i) => p == batch[i].Label).Count();
        }
        return (double)correct / rows.Count;
    }
}
