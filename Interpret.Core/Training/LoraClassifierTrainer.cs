using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Fine-tunes the pretrained MiniLM encoder as a <c>BertForSequenceClassification</c> with LoRA adapters
/// (<see cref="LoraTrainer"/>): cross-entropy on the classifier's logits, checkpoints picked by dev accuracy.
/// </summary>
public sealed class LoraClassifierTrainer(LoraFineTuningOptions options, string runDirectory, TrainingLog log)
{
    /// <summary>One example: its packed piece ids (<c>[CLS] a [SEP]</c> or <c>[CLS] a [SEP] b [SEP]</c>), their token
    /// types, and its class index.</summary>
    public sealed record Example(long[] Ids, long[] Types, long Label);

    public sealed record Result(BertForSequenceClassification Model, BertConfig Config, LoraAdapters Adapters,
        double BestDevAccuracy, int BestStep, double Seconds);

    public LoraConfig AdapterConfig => new()
    {
        BaseModel = MiniLmPackage.Name,
        Rank = options.Rank,
        Alpha = options.Alpha,
        Dropout = options.Dropout,
    };

    sealed class Task(BertForSequenceClassification model) : ILoraTask<Example>
    {
        public nn.Module Model => model;
        public int Length(Example example) => example.Ids.Length;
        public Tensor Loss(IReadOnlyList<Example> batch) =>
            nn.functional.cross_entropy(Logits(model, batch), tensor(batch.Select(r => r.Label).ToArray()));
        public double Score(IReadOnlyList<Example> dev) => Accuracy(model, dev);
    }

    public Result Train(IReadOnlyList<Example> train, IReadOnlyList<Example> dev, IReadOnlyList<string> labels, CancellationToken cancellation = default)
    {
        manual_seed(options.Seed);
        var (model, config) = MiniLmPackage.NewClassifier(labels, options.Dropout);
        var result = new LoraTrainer(options, runDirectory, log).Train(new Task(model), AdapterConfig, train, dev, "accuracy", cancellation);
        return new Result(model, config, result.Adapters, result.BestScore, result.BestStep, result.Seconds);
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
