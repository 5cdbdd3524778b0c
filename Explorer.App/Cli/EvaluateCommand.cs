using System.CommandLine;
using Interpret.Core.Models;

namespace Explorer.App.Cli;

/// <summary>`evaluate --model &lt;id&gt; --file any-file`: scores a shipped model on any labelled file in its dataset's
/// format (SST-2 TSV for sentiment, NLI TSV for entailment, CoNLL-2003 columns for NER, plain-text books or
/// WikiText .tokens for the masked LM, CoNLL-2012 coreference files or a folder of them for coreference (with --split dev or test, a
/// folder is narrowed to the documents the manifest lists for that split), comma-separated for several; SQuAD v1.1 JSON for readers, whose
/// --skip-articles leaves out the first articles of the file, e.g. 38 to score the validation part of SQuAD dev) and prints the metrics. With --split the metrics are also
/// written into the model's manifest.</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", Required = true };
        var file = new Option<string>("--file") { Description = "A labelled file in the format of the model's dataset.", Required = true };
        var split = new Option<string?>("--split") { Description = "Record the metrics in the manifest under this split name (e.g. dev)." };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var skip = new Option<int>("--skip-articles") { Description = "Readers: leave out the file's first N articles (38 = the validation part of SQuAD dev).", DefaultValueFactory = _ => 0 };
        var probes = new Option<bool>("--probes") { Description = "Coreference: run the GAP test and WinoBias test probes (from --data) and record them in the manifest." };
        var data = new Option<string>("--data") { Description = "Folder of the shared datasets (for --probes).", DefaultValueFactory = _ => RepositoryPaths.SharedData };
        var selectThreshold = new Option<bool>("--select-decoding") { Description = "Coreference: choose K (antecedents per span) and the singleton threshold on the LitBank dev documents and write them into the manifest." };
        file.Required = false;
        var command = new Command("evaluate", "Score a model on a labelled file and print its metrics.") { model, file, split, models, skip, probes, data, selectThreshold };
        command.SetAction(parse =>
        {
            var folder = Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!);
            if (!File.Exists(Path.Combine(folder, ModelFolder.ManifestFile)))
            {
                Console.Error.WriteLine($"No model folder {folder}.");
                return 2;
            }
            if (parse.GetValue(selectThreshold))
            {
                CorefRecipe.SelectDecoding(folder, parse.GetValue(data)!);
                return 0;
            }
            if (parse.GetValue(probes))
            {
                CorefRecipe.RecordProbes(folder, parse.GetValue(data)!);
                return 0;
            }
            if (parse.GetValue(file) is not { } path)
            {
                Console.Error.WriteLine("--file is required (or --probes for a coreference model).");
                return 2;
            }
            var metrics = Score(folder, path, parse.GetValue(skip), parse.GetValue(split));
            if (parse.GetValue(split) is { } name) Record(folder, name, metrics);
            return 0;
        });
        return command;
    }

    public static void ScoreAndRecord(string folder, string file, string split, int skipArticles = 0) =>
        Record(folder, split, Score(folder, file, skipArticles, split));

    static Dictionary<string, double> Score(string folder, string file, int skipArticles = 0, string? split = null)
    {
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        var metrics = manifest.Task == MiniLmSquadRecipe.Task ? MiniLmSquadRecipe.Score(folder, file, skipArticles)
            : manifest.Task == NerRecipe.Task ? NerRecipe.Score(folder, file)
            : manifest.Task == CorefRecipe.Task ? CorefRecipe.Score(folder, file, split)
            : manifest.Task == MaskedLmRecipe.Task ? MaskedLmRecipe.Score(folder, file)
            : (ClassifierRecipe.ForTask(manifest.Task) ?? throw new InvalidOperationException($"evaluate does not know the task '{manifest.Task}' yet."))
                .Score(folder, file);
        Console.WriteLine($"{manifest.Id} on {file}: " + string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value:P2}")));
        return metrics;
    }

    static void Record(string folder, string split, Dictionary<string, double> metrics)
    {
        var path = Path.Combine(folder, ModelFolder.ManifestFile);
        var manifest = ModelManifest.Load(path);
        manifest.Metrics[split] = metrics;
        manifest.Save(path);
    }
}
