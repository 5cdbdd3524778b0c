using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tagging;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// How the NER demo model is trained and scored: `train --model ner-conll2003-bilstm-crf` trains a BiLSTM-CRF on
/// conll2003/eng.train (IOB1, converted to BIO), selects on eng.testa by conlleval span F1, checkpoints into
/// runs/ (rerun the same command to resume), writes models/&lt;id&gt;/ and records the dev metrics; `evaluate` scores any
/// file in the CoNLL layout. The train command's shared options (--epochs, --hidden, --lr, --dropout, --batch,
/// --seed) apply when given; otherwise this recipe's defaults do.
/// </summary>
static class NerRecipe
{
    public const string Id = "ner-conll2003-bilstm-crf";
    public const string Task = "ner";
    const string TrainFile = "conll2003/eng.train";
    const string DevFile = "conll2003/eng.testa";
    const string GloveFile = "glove/glove.6B.50d.top5k.txt";

    public sealed record OwnOptions(Option<double?> MaxMinutes, Option<int?> MaxSentences);

    /// <summary>Adds the NER-only options to the train command.</summary>
    public static OwnOptions AddOptions(Command command)
    {
        var minutes = new Option<double?>("--max-minutes") { Description = "NER, BiDAF: stop after the epoch that passes this many minutes." };
        var sentences = new Option<int?>("--max-sentences") { Description = "NER: train on the first N sentences only (to time an epoch)." };
        command.Options.Add(minutes);
        command.Options.Add(sentences);
        return new OwnOptions(minutes, sentences);
    }

    public static int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, OwnOptions own)
    {
        var defaults = new NerTrainingOptions();
        var options = defaults with
        {
            Epochs = shared.ValueOr(parse, shared.Epochs, defaults.Epochs),
            HiddenSize = shared.ValueOr(parse, shared.Hidden, defaults.HiddenSize),
            LearningRate = shared.ValueOr(parse, shared.Rate, defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, defaults.Seed),
            MaxMinutes = parse.GetValue(own.MaxMinutes),
            MaxSentences = parse.GetValue(own.MaxSentences),
        };
        Train(data, output, options);
        return 0;
    }

    public static void Train(string data, string output, NerTrainingOptions options)
    {
        var raw = ConllReader.Read(Path.Combine(data, TrainFile));
        var train = raw.Select(s => new TaggedSentence(s.Tokens, BioTags.ToBio(s.Tags))).ToList();
        var devPath = Path.Combine(data, DevFile);
        var dev = ConllReader.Read(devPath);
        var glove = GloveReader.Read(Path.Combine(data, GloveFile));
        var types = train.SelectMany(s => BioTags.Chunks(s.Tags)).Select(c => c.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        var tagSet = BioTags.TagSet(types);

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        // One run folder per setting, so a sweep never resumes another setting's checkpoint.
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-h{options.HiddenSize}-c{options.CharFilters}-b{options.BatchSize}-lr{F(options.LearningRate)}-d{F(options.Dropout)}-s{options.Seed}" +
            (options.MaxSentences is { } n ? $"-n{n}" : ""));
        var trainer = new NerTrainer(options, runDirectory, new TrainingLog(Path.Combine(runDirectory, "train.log")));
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(train, dev, tagSet, glove);

        // libtorch's intra-op threads matter a lot on a shared 2-core machine (1 thread ran ~6× faster under load).
        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } threadCount ? $"OMP_NUM_THREADS={threadCount} " : "";
        var command = threads + $"dotnet run --project Explorer.App -- train --model {Id} --epochs {options.Epochs} --hidden {options.HiddenSize} " +
            $"--lr {F(options.LearningRate)} --dropout {F(options.Dropout)} --batch {options.BatchSize} --seed {options.Seed}" +
            (options.MaxMinutes is { } m ? $" --max-minutes {F(m)}" : "") + (options.MaxSentences is { } s ? $" --max-sentences {s}" : "");
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Task,
            Architecture = BiLstmCrfSpec.Write(result.Config, result.Model.Lexicon.Characters),
            Labels = tagSet,
            InputFields = [NerPredictor.FieldName],
            Tokenization = new TokenizationSpec("ptb", LowerCase: false, MaxTokens: 256),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = TrainFile, ["rows"] = options.MaxSentences is { } k ? Math.Min(k, train.Count) : train.Count, ["unit"] = "sentences", ["tags"] = "IOB1 read as BIO" },
                    new JsonObject { ["file"] = DevFile, ["rows"] = dev.Count, ["unit"] = "sentences", ["use"] = "model selection (conlleval span F1)" },
                    new JsonObject { ["file"] = GloveFile, ["rows"] = glove.Count, ["use"] = "word embedding initialisation (lower-cased lookup)" }),
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = "adam",
                ["loss"] = "CRF negative log-likelihood, mean over sentences; gradient norm clipped at 5",
                ["wordDropout"] = options.WordDropout,
                ["command"] = command,
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors",
            },
        };
        var folder = Path.Combine(output, Id);
        ModelFolder.Save(folder, manifest, result.Model, result.Model.Lexicon.Tokens);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev F1 while training {result.BestDevF1:P2}, epoch {result.BestEpoch}, {clock.Elapsed.TotalMinutes:F1} min).");
        EvaluateCommand.ScoreAndRecord(folder, devPath, "dev");
    }

    /// <summary>conlleval precision/recall/F1, overall and per type, of a shipped NER model on any CoNLL-layout file.</summary>
    public static Dictionary<string, double> Score(string folder, string file)
    {
        using var predictor = (NerPredictor)ModelFolder.Load(folder, new InputLimits(int.MaxValue, int.MaxValue));
        var eval = NerEvaluation.Score(predictor, ConllReader.Read(file));
        var overall = eval.Overall;
        Console.WriteLine($"{eval.Tokens:N0} tokens, {overall.Gold:N0} gold entities, {overall.Guessed:N0} found, {overall.Correct:N0} correct");
        foreach (var type in eval.Types)
        {
            var s = eval.For(type);
            Console.WriteLine($"{type,6}: precision {s.Precision:P2}, recall {s.Recall:P2}, F1 {s.F1:P2} ({s.Guessed} found, {s.Gold} gold)");
        }
        return eval.Metrics();
    }
}
