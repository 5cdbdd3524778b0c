using System.Diagnostics;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Text;
using Interpret.Core.Training;
using Interpret.Results;

namespace Explorer.App.Cli;

/// <summary>How one demo classifier is trained: its data files, labels, fields and architecture. Training
/// checkpoints into runs/ (one folder per setting, resumable), then writes models/&lt;id&gt;/ and scores dev.</summary>
sealed record ClassifierRecipe(
    string Id,
    string Task,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> InputFields,
    IReadOnlyList<string> TrainFiles,
    string DevFile,
    Func<string, IReadOnlyList<LabeledExample>> Read,
    Func<Vocabulary, ClassifierTrainingOptions, int, (ITextClassifierModel Model, ArchitectureSpec Spec)> Build)
{
    public static ClassifierRecipe Sentiment { get; } = new(
        "sentiment-sst2-bilstm", "sentiment", Sst2Reader.Labels, ["text"], ["sst2/train.tsv"], "sst2/dev.tsv", Sst2Reader.Read,
        (vocabulary, o, classes) =>
        {
            var config = new BiLstmClassifierConfig(vocabulary.Count, o.EmbeddingDim, o.HiddenSize, classes, o.Dropout);
            return (new BiLstmClassifier(config), BiLstmClassifierSpec.Write(config));
        });

    /// <summary>The NLI files CONVENTIONS.md allows for training; SNLI dev selects.</summary>
    public static ClassifierRecipe Entailment { get; } = new(
        "nli-snli-esim", "nli", NliReader.Labels, ["premise", "hypothesis"],
        ["nli/snli_train10k/train.tsv", "nli/snli_cad/original_train.tsv", "nli/snli_cad/revised_train.tsv", "nli/mnli/dev_matched.tsv"],
        "snli/dev.tsv", NliReader.Read,
        (vocabulary, o, classes) =>
        {
            var config = new EsimConfig(vocabulary.Count, o.EmbeddingDim, o.HiddenSize, classes, o.Dropout);
            return (new EsimClassifier(config), EsimSpec.Write(config));
        });

    public static IReadOnlyList<ClassifierRecipe> All { get; } = [Sentiment, Entailment];

    public static ClassifierRecipe? ForTask(string task) => All.FirstOrDefault(r => r.Task == task);

    public void Train(string data, string output, ClassifierTrainingOptions options)
    {
        var train = TrainFiles.SelectMany(f => Read(Path.Combine(data, f))).ToList();
        var devPath = Path.Combine(data, DevFile);
        var dev = Read(devPath);
        var glove = GloveReader.Read(Path.Combine(data, "glove", "glove.6B.50d.top5k.txt"));
        // One run folder per setting, so a sweep never resumes another setting's checkpoint.
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-e{options.EmbeddingDim}-h{options.HiddenSize}-lr{options.LearningRate}-d{options.Dropout}-s{options.Seed}");
        ArchitectureSpec? spec = null;
        var trainer = new ClassifierTrainer(options, runDirectory, new TrainingLog(Path.Combine(runDirectory, "train.log")), vocabulary =>
        {
            var (model, architecture) = Build(vocabulary, options, Labels.Count);
            spec = architecture;
            return model;
        });
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(train, dev, Labels, glove);

        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Task,
            Architecture = spec!,
            Labels = Labels,
            InputFields = InputFields,
            Tokenization = new TokenizationSpec("ptb", LowerCase: true, MaxTokens: 256),
            Training = new JsonObject
            {
                ["data"] = new JsonArray([
                    .. TrainFiles.Select(f => new JsonObject { ["file"] = f, ["rows"] = Read(Path.Combine(data, f)).Count }),
                    new JsonObject { ["file"] = DevFile, ["rows"] = dev.Count, ["use"] = "model selection" },
                    new JsonObject { ["file"] = "glove/glove.6B.50d.top5k.txt", ["rows"] = glove.Count, ["use"] = "embedding initialisation" }]),
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = "adam",
                ["command"] = $"dotnet run --project Explorer.App -- train --model {Id} --epochs {options.Epochs} --hidden {options.HiddenSize} " +
                    $"--embedding-dim {options.EmbeddingDim} --lr {options.LearningRate} --dropout {options.Dropout} --batch {options.BatchSize} --seed {options.Seed}",
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors",
            },
        };
        var folder = Path.Combine(output, Id);
        ModelFolder.Save(folder, manifest, (TorchSharp.torch.nn.Module)result.Model, result.Vocabulary);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev accuracy while training {result.BestDevAccuracy:P2}, epoch {result.BestEpoch}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, devPath, "dev");
    }

    /// <summary>Overall and per-label accuracy of a shipped classifier on any file this recipe's reader accepts.</summary>
    public Dictionary<string, double> Score(string folder, string file)
    {
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(folder, new InputLimits(int.MaxValue, int.MaxValue));
        return ClassifierEvaluation.Evaluate(predictor, Read(file));
    }
}
