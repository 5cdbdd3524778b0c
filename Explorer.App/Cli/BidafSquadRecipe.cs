using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// `train --model rc-squad-bidaf`: BiDAF trained from scratch (GloVe 50d word vectors) on the training articles of
/// SQuAD v1.1 dev (<see cref="SquadSplit"/>), selected by the official F1 on the validation articles. Checkpoints into
/// runs/ (rerun the same command to resume); writes models/rc-squad-bidaf/ (float16 safetensors, vocab.txt, manifest
/// with the character vocabulary), then scores the validation articles through the saved folder.
/// </summary>
static class BidafSquadRecipe
{
    public const string Id = "rc-squad-bidaf";
    const string GloveFile = "glove/glove.6B.50d.top5k.txt";

    /// <summary>The longest passage the shipped model reads, in PTB tokens (SQuAD's longest are about 700).</summary>
    public const int MaxPassageTokens = 1000;

    public static int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, MiniLmRecipe.OwnOptions miniLm, NerRecipe.OwnOptions ner)
    {
        var defaults = new BidafTrainingOptions();
        var options = defaults with
        {
            Epochs = shared.ValueOr(parse, shared.Epochs, defaults.Epochs),
            HiddenSize = shared.ValueOr(parse, shared.Hidden, defaults.HiddenSize),
            LearningRate = shared.ValueOr(parse, shared.Rate, defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, defaults.Seed),
            MaxTrainRows = parse.GetValue(miniLm.MaxTrainRows),
            MaxMinutes = parse.GetValue(ner.MaxMinutes),
        };
        Train(data, output, options);
        return 0;
    }

    static void Train(string data, string output, BidafTrainingOptions options)
    {
        var squadPath = Path.Combine(data, SquadSplit.File);
        var (trainArticles, validationArticles) = SquadSplit.Of(SquadReader.Read(squadPath));
        var trainQuestions = SquadReader.Questions(trainArticles).ToList();
        var validation = SquadReader.Questions(validationArticles).ToList();
        var glove = GloveReader.Read(Path.Combine(data, GloveFile));

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        // One run folder per setting, so a sweep never resumes another setting's checkpoint.
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-h{options.HiddenSize}-m{options.ModellingLayers}-b{options.BatchSize}-lr{F(options.LearningRate)}-d{F(options.Dropout)}-s{options.Seed}" +
            (options.MaxTrainRows is { } rows ? $"-rows{rows}" : ""));
        var clock = Stopwatch.StartNew();
        var trainer = new BidafTrainer(options, runDirectory, new TrainingLog(Path.Combine(Directory.CreateDirectory(runDirectory).FullName, "train.log")));
        var result = trainer.Train(trainQuestions, validation, glove);

        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } n ? $"OMP_NUM_THREADS={n} " : "";
        var command = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --epochs {options.Epochs} --hidden {options.HiddenSize} " +
            $"--lr {F(options.LearningRate)} --dropout {F(options.Dropout)} --batch {options.BatchSize} --seed {options.Seed}" +
            (options.MaxMinutes is { } m ? $" --max-minutes {F(m)}" : "") + (options.MaxTrainRows is { } r ? $" --max-train-rows {r}" : "");
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = MiniLmSquadRecipe.Task,
            Architecture = BidafSpec.Write(result.Model.Config, result.Model.Lexicon.Characters),
            Labels = [],
            InputFields = MiniLmSquadRecipe.InputFields,
            Tokenization = new TokenizationSpec("ptb", LowerCase: false, MaxTokens: MaxPassageTokens),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = SquadSplit.File, ["articles"] = $"first {SquadSplit.TrainArticles}", ["questions"] = result.Examples,
                        ["unmappedAnswersDropped"] = result.Unmapped, ["use"] = "training (first reference answer)" },
                    new JsonObject { ["file"] = SquadSplit.File, ["articles"] = new JsonArray([.. validationArticles.Select(a => (JsonNode)a.Title)]),
                        ["questions"] = validation.Count, ["use"] = "model selection (validation)" },
                    new JsonObject { ["file"] = GloveFile, ["rows"] = glove.Count, ["use"] = "word embedding initialisation (lower-cased lookup), frozen" }),
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = "adam",
                ["loss"] = "CE(start) + CE(end) on PTB tokens of the passage, mean over questions; gradient norm clipped at 5",
                ["maxWords"] = options.MaxWords,
                ["freezeWords"] = options.FreezeWords,
                ["decoding"] = $"best start ≤ end span of at most {SpanDecoder.MaxLength} tokens",
                ["command"] = command,
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors",
            },
        };
        var folder = Path.Combine(output, Id);
        ModelFolder.Save(folder, manifest, result.Model, result.Model.Lexicon.Tokens);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best validation F1 while training {result.BestF1:F2}, EM {result.BestExactMatch:F2}, epoch {result.BestEpoch}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, squadPath, "dev", SquadSplit.TrainArticles);
    }
}
