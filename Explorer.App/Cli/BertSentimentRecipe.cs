using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// `train --model sentiment-sst2-bert`: fine-tunes the shipped masked LM (models/mlm-gutenberg-bert) on SST-2 train as
/// a BERT sequence classifier, selects the epoch on SST-2 dev, checkpoints into runs/ (rerun to resume) and writes
/// models/&lt;id&gt;/ as a HuggingFace checkpoint folder plus manifest.json. Sentences are read as the text their words
/// spell and cut into the masked LM's WordPiece pieces. `evaluate` scores it like any sentiment model.
/// </summary>
static class BertSentimentRecipe
{
    public const string Id = "sentiment-sst2-bert";
    const string TrainFile = "sst2/train.tsv";
    const string DevFile = "sst2/dev.tsv";

    public static void Train(string data, string output, BertFineTuningOptions options)
    {
        var pretrained = Path.Combine(output, MaskedLmRecipe.Id);
        if (!File.Exists(Path.Combine(pretrained, BertCheckpoint.ConfigFile)))
            throw new FileNotFoundException($"Fine-tuning starts from {pretrained}; train {MaskedLmRecipe.Id} first.");
        var vocabulary = WordPieceVocabulary.Load(Path.Combine(pretrained, BertCheckpoint.VocabularyFile));
        var tokenizer = new WordPieceTokenizer(vocabulary);
        int maxPieces = BertCheckpoint.ReadConfig(pretrained).MaxPositions;
        var labels = Sst2Reader.Labels;
        List<BertClassifierTrainer.Example> Encode(string file) => Sst2Reader.Read(Path.Combine(data, file)).Select(row =>
        {
            var pieces = tokenizer.Tokenize(string.Join(' ', row.Fields[0])).Take(maxPieces - 2).Select(p => (long)p.Id);
            return new BertClassifierTrainer.Example([vocabulary.ClsId, .. pieces, vocabulary.SepId], labels.ToList().IndexOf(row.Label));
        }).ToList();
        var train = Encode(TrainFile);
        var dev = Encode(DevFile);

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var runDirectory = Path.Combine(RepositoryPaths.Runs, $"{Id}-e{options.Epochs}-b{options.BatchSize}-lr{F(options.LearningRate)}-d{F(options.Dropout)}-s{options.Seed}");
        var clock = Stopwatch.StartNew();
        var result = new BertClassifierTrainer(options, runDirectory, new TrainingLog(Path.Combine(Directory.CreateDirectory(runDirectory).FullName, "train.log")))
            .Train(pretrained, train, dev, labels);

        var folder = Path.Combine(output, Id);
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } n ? $"OMP_NUM_THREADS={n} " : "";
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = "sentiment",
            Architecture = new ArchitectureSpec(BertSpec.Classifier, result.Config.ToJsonObject()),
            Labels = labels,
            InputFields = ["text"],
            Tokenization = new TokenizationSpec("wordpiece", LowerCase: true, MaxTokens: maxPieces),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = TrainFile, ["rows"] = train.Count, ["use"] = "fine-tuning" },
                    new JsonObject { ["file"] = DevFile, ["rows"] = dev.Count, ["use"] = "model selection" }),
                ["pretrained"] = $"{MaskedLmRecipe.Id} (encoder and word embeddings; pooler and classifier newly initialised)",
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = $"AdamW (weight decay {F(options.WeightDecay)}), {F(options.WarmupFraction)} of steps linear warm-up then linear decay; gradient norm clipped at 1",
                ["command"] = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --epochs {options.Epochs} --lr {F(options.LearningRate)} --dropout {F(options.Dropout)} --batch {options.BatchSize} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors, HuggingFace BertForSequenceClassification names",
            },
        };
        BertModelFolder.Save(folder, manifest, result.Config, result.Model, vocabulary);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev accuracy while training {result.BestDevAccuracy:P2}, epoch {result.BestEpoch}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, Path.Combine(data, DevFile), "dev");
    }

    public static int Train(System.CommandLine.ParseResult parse, string data, string output, SharedTrainOptions shared)
    {
        var defaults = new BertFineTuningOptions();
        Train(data, output, defaults with
        {
            Epochs = shared.ValueOr(parse, shared.Epochs, defaults.Epochs),
            LearningRate = shared.ValueOr(parse, shared.Rate, defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, defaults.Seed),
        });
        return 0;
    }
}
