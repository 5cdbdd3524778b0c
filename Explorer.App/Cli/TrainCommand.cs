using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>`train --model sentiment-sst2-bilstm`: trains a demo model from ../shared/data, checkpointing into
/// runs/&lt;id&gt;/ (rerun the same command to resume), then writes models/&lt;id&gt;/ and scores its dev split.</summary>
static class TrainCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id to train (sentiment-sst2-bilstm).", Required = true };
        var data = new Option<string>("--data") { Description = "Folder of the shared datasets.", DefaultValueFactory = _ => RepositoryPaths.SharedData };
        var output = new Option<string>("--output") { Description = "Where model folders go.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 6 };
        var hidden = new Option<int>("--hidden") { Description = "LSTM hidden size per direction.", DefaultValueFactory = _ => 128 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 13 };
        var embedding = new Option<int>("--embedding-dim") { Description = "Embedding size; GloVe fills the first 50 dimensions.", DefaultValueFactory = _ => 50 };
        var rate = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 2e-3 };
        var dropout = new Option<double>("--dropout") { Description = "Dropout on embeddings and pooled states.", DefaultValueFactory = _ => 0.5 };
        var command = new Command("train", "Train a demo model and write models/<id>/ (rerun to resume from runs/<id>/).")
            { model, data, output, epochs, hidden, seed, embedding, rate, dropout };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(model)!;
            if (id != "sentiment-sst2-bilstm")
            {
                Console.Error.WriteLine($"Unknown model '{id}'; this command trains: sentiment-sst2-bilstm.");
                return 2;
            }
            var options = new ClassifierTrainingOptions(Epochs: parse.GetValue(epochs), HiddenSize: parse.GetValue(hidden), Seed: parse.GetValue(seed),
                EmbeddingDim: parse.GetValue(embedding), LearningRate: parse.GetValue(rate), Dropout: parse.GetValue(dropout));
            TrainSentiment(id, parse.GetValue(data)!, parse.GetValue(output)!, options);
            return 0;
        });
        return command;
    }

    static void TrainSentiment(string id, string data, string output, ClassifierTrainingOptions options)
    {
        var trainPath = Path.Combine(data, "sst2", "train.tsv");
        var devPath = Path.Combine(data, "sst2", "dev.tsv");
        var glovePath = Path.Combine(data, "glove", "glove.6B.50d.top5k.txt");
        var train = Sst2Reader.Read(trainPath);
        var dev = Sst2Reader.Read(devPath);
        var glove = GloveReader.Read(glovePath);
        // One run folder per setting, so a sweep never resumes another setting's checkpoint.
        var runDirectory = Path.Combine(RepositoryPaths.Runs, $"{id}-e{options.EmbeddingDim}-h{options.HiddenSize}-lr{options.LearningRate}-d{options.Dropout}-s{options.Seed}");
        var clock = Stopwatch.StartNew();
        var trainer = new ClassifierTrainer(options, runDirectory,
            new TrainingLog(Path.Combine(runDirectory, "train.log")));
        var result = trainer.Train(train, dev, Sst2Reader.Labels, glove);

        var manifest = new ModelManifest
        {
            Id = id,
            Task = "sentiment",
            Architecture = BiLstmClassifierSpec.Write(result.Model.Config),
            Labels = Sst2Reader.Labels,
            InputFields = ["text"],
            Tokenization = new TokenizationSpec("ptb", LowerCase: true, MaxTokens: 256),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = "sst2/train.tsv", ["rows"] = train.Count },
                    new JsonObject { ["file"] = "sst2/dev.tsv", ["rows"] = dev.Count, ["use"] = "model selection" },
                    new JsonObject { ["file"] = "glove/glove.6B.50d.top5k.txt", ["rows"] = glove.Count, ["use"] = "embedding initialisation" }),
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = "adam",
                ["command"] = $"dotnet run --project Explorer.App -- train --model {id} --epochs {options.Epochs} --hidden {options.HiddenSize} " +
                    $"--embedding-dim {options.EmbeddingDim} --lr {options.LearningRate} --dropout {options.Dropout} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors",
            },
        };
        var folder = Path.Combine(output, id);
        ModelFolder.Save(folder, manifest, result.Model, result.Vocabulary);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev accuracy while training {result.BestDevAccuracy:P2}, epoch {result.BestEpoch}).");
        EvaluateCommand.ScoreAndRecord(folder, devPath, "dev");
    }
}
