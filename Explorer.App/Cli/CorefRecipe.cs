using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interpret.Core.Coreference;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>
/// `train --model coref-litbank-bilstm`: the span-ranking coreference model (<see cref="CorefModel"/>) trained on the
/// training part of LitBank (<see cref="CorefSplit"/>: 80 / 10 / 10 documents by sorted name), documents cut into
/// segments, selected by CoNLL F1 on the dev documents (whole). Checkpoints into runs/ (rerun the same command to
/// resume); writes models/coref-litbank-bilstm/ (float16 safetensors, vocab.txt, manifest with the split's document
/// names), then scores dev and test through the saved folder.
/// </summary>
static class CorefRecipe
{
    public const string Id = "coref-litbank-bilstm";
    public const string Task = "coreference";
    public const string FieldName = "text";
    public const int MaxTokens = 512;
    const string LitBankFolder = "coref/litbank/conll";
    const string GloveFile = "glove/glove.6B.50d.top5k.txt";

    public sealed record OwnOptions(Option<int?> MaxDocuments, Option<int?> SegmentTokens);

    public static OwnOptions AddOptions(Command command)
    {
        var documents = new Option<int?>("--max-documents") { Description = "Coreference: train on the first N training documents only (to time an epoch)." };
        var segment = new Option<int?>("--segment-tokens") { Description = "Coreference: longest training segment, in tokens (whole sentences)." };
        command.Options.Add(documents);
        command.Options.Add(segment);
        return new OwnOptions(documents, segment);
    }

    public static int Train(ParseResult parse, string data, string output, SharedTrainOptions shared, OwnOptions own, NerRecipe.OwnOptions ner)
    {
        var defaults = new CorefTrainingOptions();
        var options = defaults with
        {
            Epochs = shared.ValueOr(parse, shared.Epochs, defaults.Epochs),
            HiddenSize = shared.ValueOr(parse, shared.Hidden, defaults.HiddenSize),
            LearningRate = shared.ValueOr(parse, shared.Rate, defaults.LearningRate),
            Dropout = shared.ValueOr(parse, shared.Dropout, defaults.Dropout),
            BatchSize = shared.ValueOr(parse, shared.Batch, defaults.BatchSize),
            Seed = shared.ValueOr(parse, shared.Seed, defaults.Seed),
            SegmentTokens = parse.GetValue(own.SegmentTokens) ?? defaults.SegmentTokens,
            MaxDocuments = parse.GetValue(own.MaxDocuments),
            MaxMinutes = parse.GetValue(ner.MaxMinutes),
        };
        Train(data, output, options);
        return 0;
    }

    static void Train(string data, string output, CorefTrainingOptions options)
    {
        var litBank = Path.Combine(data, LitBankFolder);
        var split = CorefSplit.Of(CorefConllReader.ReadAll(litBank));
        var glove = GloveReader.Read(Path.Combine(data, GloveFile));

        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        var runDirectory = Path.Combine(RepositoryPaths.Runs,
            $"{Id}-h{options.HiddenSize}-f{options.FfnnSize}-seg{options.SegmentTokens}-b{options.BatchSize}-lr{F(options.LearningRate)}-d{F(options.Dropout)}-s{options.Seed}" +
            (options.MaxDocuments is { } n ? $"-n{n}" : ""));
        var trainer = new CorefTrainer(options, runDirectory, new TrainingLog(Path.Combine(Directory.CreateDirectory(runDirectory).FullName, "train.log")));
        var clock = Stopwatch.StartNew();
        var result = trainer.Train(split.Train, split.Dev, glove);

        var threads = Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is { Length: > 0 } threadCount ? $"OMP_NUM_THREADS={threadCount} " : "";
        var command = threads + $"dotnet run --project Explorer.App -c Release -- train --model {Id} --epochs {options.Epochs} --hidden {options.HiddenSize} " +
            $"--lr {F(options.LearningRate)} --dropout {F(options.Dropout)} --batch {options.BatchSize} --seed {options.Seed} --segment-tokens {options.SegmentTokens}" +
            (options.MaxMinutes is { } m ? $" --max-minutes {F(m)}" : "") + (options.MaxDocuments is { } d ? $" --max-documents {d}" : "");
        JsonArray Names(IEnumerable<CorefDocument> documents) => new(documents.Select(x => (JsonNode)x.Name).ToArray());
        var trained = options.MaxDocuments is { } k ? split.Train.Take(k).ToList() : split.Train;
        var manifest = new ModelManifest
        {
            Id = Id,
            Task = Task,
            Architecture = CorefSpec.Write(result.Config, result.Model.Lexicon.Characters),
            Labels = [],
            InputFields = [FieldName],
            Tokenization = new TokenizationSpec("ptb", LowerCase: false, MaxTokens: MaxTokens),
            Training = new JsonObject
            {
                ["data"] = new JsonArray(
                    new JsonObject { ["file"] = LitBankFolder, ["rows"] = trained.Count, ["unit"] = "documents", ["tokens"] = trained.Sum(x => x.Tokens.Count),
                        ["segments"] = result.Segments, ["use"] = "training (80 % of the documents sorted by name: all but every 9th and 10th)" },
                    new JsonObject { ["file"] = LitBankFolder, ["rows"] = split.Dev.Count, ["unit"] = "documents", ["use"] = "model selection (CoNLL F1, whole documents)" },
                    new JsonObject { ["file"] = GloveFile, ["rows"] = glove.Count, ["use"] = "word embedding initialisation (lower-cased lookup)" }),
                ["split"] = new JsonObject
                {
                    ["rule"] = "documents sorted by name (ordinal); index % 10 == 8 → dev, == 9 → test, else train",
                    ["dev"] = Names(split.Dev),
                    ["test"] = Names(split.Test),
                },
                ["seed"] = options.Seed,
                ["epochs"] = result.Epochs,
                ["bestEpoch"] = result.BestEpoch,
                ["batchSize"] = options.BatchSize,
                ["segmentTokens"] = options.SegmentTokens,
                ["learningRate"] = options.LearningRate,
                ["optimizer"] = "adam",
                ["loss"] = "−Σ log P(gold antecedents) over kept spans + mention binary cross-entropy over all candidate spans (weight " +
                    F(options.MentionLossWeight) + "), mean over segments; gradient norm clipped at 5",
                ["wordDropout"] = options.WordDropout,
                ["command"] = command,
                ["wallSeconds"] = Math.Round(result.Seconds),
                ["storage"] = "float16 safetensors",
            },
        };
        var folder = Path.Combine(output, Id);
        ModelFolder.Save(folder, manifest, result.Model, result.Model.Lexicon.Tokens);
        result.Model.Dispose();
        Console.WriteLine($"Wrote {folder} (best dev CoNLL F1 while training {result.BestDevF1:P2}, epoch {result.BestEpoch}, {clock.Elapsed.TotalMinutes:F1} min).");
        SelectDecoding(folder, data);
        EvaluateCommand.ScoreAndRecord(folder, litBank, "dev");
        EvaluateCommand.ScoreAndRecord(folder, litBank, "test");
        RecordProbes(folder, data);
    }

    static readonly double[] Thresholds = [-2, -1.5, -1, -0.5, 0, 0.5, 1];
    static readonly int[] AntecedentCounts = [30, 60, 120, 200];

    /// <summary>Picks the decoding settings with the best dev CoNLL F1 and writes them into the manifest's architecture:
    /// K, how many preceding spans each span may link to (the weights do not depend on it: distances beyond 63 tokens
    /// share one bucket), and the singleton threshold (the explorer shows no singletons either way).</summary>
    public static void SelectDecoding(string folder, string data)
    {
        var path = Path.Combine(folder, ModelFolder.ManifestFile);
        var manifest = ModelManifest.Load(path);
        var dev = CorefSplit.Of(CorefConllReader.ReadAll(Path.Combine(data, LitBankFolder))).Dev;
        var trainedWith = manifest.Training!["trainedMaxAntecedents"]?.GetValue<int>() ?? (int)manifest.Architecture.Parameters["maxAntecedents"]!;
        var table = new JsonObject();
        (int K, double Threshold, double F1) best = (trainedWith, 0, -1);
        foreach (var k in AntecedentCounts)
        {
            var parameters = (JsonObject)manifest.Architecture.Parameters.DeepClone();
            parameters["maxAntecedents"] = k;
            Dictionary<double, double> sweep;
            using (var model = CorefModelFolder.Load(folder, manifest with { Architecture = manifest.Architecture with { Parameters = parameters } }))
                sweep = CorefEvaluation.SingletonThresholdSweep(model, dev, Thresholds);
            Console.WriteLine($"K = {k}: dev CoNLL F1 by singleton threshold " + string.Join(", ", sweep.Select(s => $"{s.Key}: {s.Value:P2}")));
            table[$"K={k}"] = new JsonObject(sweep.Select(s => KeyValuePair.Create(s.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)Math.Round(s.Value, 6))));
            foreach (var (threshold, f1) in sweep)
                if (f1 > best.F1) best = (k, threshold, f1);
        }
        Console.WriteLine($"Chosen on dev: K = {best.K}, singleton threshold {best.Threshold} (CoNLL F1 {best.F1:P2}).");
        manifest.Architecture.Parameters["maxAntecedents"] = best.K;
        manifest.Architecture.Parameters["singletonThreshold"] = best.Threshold;
        manifest.Training["trainedMaxAntecedents"] = trainedWith;
        manifest.Training.Remove("singletonThresholdSweep");
        manifest.Training["decodingSweep"] = table;
        manifest.Save(path);
    }

    /// <summary>The bias probes, recorded in the manifest: GAP test (typed text through the predictor) and the four
    /// WinoBias test sets (type 1 and 2, pro- and anti-stereotypical), with each type's pro − anti gap.</summary>
    public static void RecordProbes(string folder, string data)
    {
        EvaluateCommand.ScoreAndRecord(folder, Path.Combine(data, GapTestFile), "gap-test");
        var winoBias = new Dictionary<string, double>();
        foreach (var type in new[] { 1, 2 })
        {
            foreach (var stance in new[] { "pro", "anti" })
            {
                var metrics = Score(folder, Path.Combine(data, $"coref/winobias/conll/test_type{type}_{stance}_stereotype.v4_auto_conll"), null);
                winoBias[$"type{type}_{stance}_conll_f1"] = metrics["conll_f1"];
                winoBias[$"type{type}_{stance}_muc_f1"] = metrics["muc_f1"];
            }
            winoBias[$"type{type}_gap_conll_f1"] = winoBias[$"type{type}_pro_conll_f1"] - winoBias[$"type{type}_anti_conll_f1"];
        }
        var path = Path.Combine(folder, ModelFolder.ManifestFile);
        var manifest = ModelManifest.Load(path);
        manifest.Metrics["winobias-test"] = winoBias;
        manifest.Save(path);
        Console.WriteLine("WinoBias test: " + string.Join(", ", winoBias.Select(m => $"{m.Key} {m.Value:P2}")));
    }

    const string GapTestFile = "coref/gap/gap-test.tsv";

    /// <summary>GAP accuracy (A / B / neither) and pair F1 by gender from the model's clusters on the typed snippets.</summary>
    static Dictionary<string, double> ScoreGap(string folder, string file)
    {
        using var predictor = (CoreferencePredictor)ModelFolder.Load(folder);
        var rows = GapReader.Read(file);
        var metrics = GapEvaluation.Score(predictor, rows);
        Console.WriteLine($"GAP {rows.Count} snippets: accuracy {metrics["accuracy"]:P2}, F1 {metrics["f1"]:P2} (masculine {metrics["f1_masculine"]:P2}, " +
            $"feminine {metrics["f1_feminine"]:P2}, ratio {metrics["bias_feminine_over_masculine"]:F3})");
        return metrics;
    }

    /// <summary>
    /// CoNLL F1 with MUC, B³ and CEAFφ4 of the shipped model on CoNLL-2012 files (a file, a folder or a comma-separated
    /// list). A folder with a split name the manifest lists (dev, test) scores only that split's documents. Files that
    /// annotate singletons (LitBank) are scored with the model's singletons; files without (WinoBias) without them.
    /// </summary>
    public static Dictionary<string, double> Score(string folder, string file, string? split)
    {
        if (file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) return ScoreGap(folder, file);
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        var documents = CorefConllReader.ReadAll(file);
        if (Directory.Exists(file) && split is not null && manifest.Training?["split"]?[split] is JsonArray names)
        {
            var wanted = names.Select(n => (string)n!).ToHashSet();
            documents = documents.Where(d => wanted.Contains(d.Name)).ToList();
        }
        bool singletons = documents.Any(d => d.Clusters.Any(c => c.Count == 1));
        using var model = CorefModelFolder.Load(folder);
        var eval = CorefEvaluation.Score(model, documents, singletons, nonSingletonKey: !singletons);
        Console.WriteLine($"{documents.Count} documents, {documents.Sum(d => d.Tokens.Count):N0} tokens, {documents.Sum(d => d.MentionCount):N0} gold mentions " +
            $"({(singletons ? "singletons scored" : "no singletons")})");
        Console.WriteLine($"MUC P/R/F1 {eval.Muc.Precision:P2} {eval.Muc.Recall:P2} {eval.Muc.F1:P2} · B³ {eval.BCubed.Precision:P2} {eval.BCubed.Recall:P2} {eval.BCubed.F1:P2} · " +
            $"CEAFφ4 {eval.Ceafe.Precision:P2} {eval.Ceafe.Recall:P2} {eval.Ceafe.F1:P2} · CoNLL F1 {eval.ConllF1:P2}");
        return eval.Metrics();
    }
}
