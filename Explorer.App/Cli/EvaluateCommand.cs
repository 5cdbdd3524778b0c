using System.CommandLine;
using Interpret.Core.Models;

namespace Explorer.App.Cli;

/// <summary>`evaluate --model &lt;id&gt; --file any-file`: scores a shipped model on any labelled file in its dataset's
/// format (SST-2 TSV for sentiment, NLI TSV for entailment, CoNLL-2003 columns for NER, plain-text books or
/// WikiText .tokens for the masked LM, comma-separated for several) and prints the metrics. With --split the metrics are also
/// written into the model's manifest.</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", Required = true };
        var file = new Option<string>("--file") { Description = "A labelled file in the format of the model's dataset.", Required = true };
        var split = new Option<string?>("--split") { Description = "Record the metrics in the manifest under this split name (e.g. dev)." };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("evaluate", "Score a model on a labelled file and print its metrics.") { model, file, split, models };
        command.SetAction(parse =>
        {
            var folder = Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!);
            if (!File.Exists(Path.Combine(folder, ModelFolder.ManifestFile)))
            {
                Console.Error.WriteLine($"No model folder {folder}.");
                return 2;
            }
            var metrics = Score(folder, parse.GetValue(file)!);
            if (parse.GetValue(split) is { } name) Record(folder, name, metrics);
            return 0;
        });
        return command;
    }

    public static void ScoreAndRecord(string folder, string file, string split) => Record(folder, split, Score(folder, file));

    static Dictionary<string, double> Score(string folder, string file)
    {
        var manifest = ModelManifest.Load(Path.Combine(folder, ModelFolder.ManifestFile));
        var metrics = manifest.Task == NerRecipe.Task ? NerRecipe.Score(folder, file)
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
