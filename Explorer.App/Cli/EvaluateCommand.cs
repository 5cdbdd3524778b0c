using System.CommandLine;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;

namespace Explorer.App.Cli;

/// <summary>`evaluate --model sentiment-sst2-bilstm --file any.tsv`: accuracy of a shipped model on any file in the
/// SST-2 format. With --split the figure is also written into the model's manifest.</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id (a folder under models/).", Required = true };
        var file = new Option<string>("--file") { Description = "A TSV in the SST-2 format (sentence<TAB>label, with header).", Required = true };
        var split = new Option<string?>("--split") { Description = "Record the metric in the manifest under this split name (e.g. dev)." };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("evaluate", "Score a model on a labelled file and print accuracy.") { model, file, split, models };
        command.SetAction(parse =>
        {
            var folder = Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!);
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"No model folder {folder}.");
                return 2;
            }
            var accuracy = Score(folder, parse.GetValue(file)!);
            if (parse.GetValue(split) is { } name) Record(folder, name, accuracy);
            return 0;
        });
        return command;
    }

    public static void ScoreAndRecord(string folder, string file, string split) => Record(folder, split, Score(folder, file));

    static double Score(string folder, string file)
    {
        var rows = Sst2Reader.Read(file);
        using var predictor = (TextClassifierPredictor)ModelFolder.Load(folder, new InputLimits(int.MaxValue, int.MaxValue));
        int correct = 0;
        foreach (var chunk in rows.Chunk(256))
        {
            var predictions = predictor.Predict(chunk.Select(r => predictor.FromTokens(r.Tokens)).ToList());
            correct += predictions.Where((p, i) => p.Label == chunk[i].Label).Count();
        }
        double accuracy = (double)correct / rows.Count;
        Console.WriteLine($"{predictor.Id} on {file}: accuracy {accuracy:P2} ({correct}/{rows.Count})");
        return accuracy;
    }

    static void Record(string folder, string split, double accuracy)
    {
        var path = Path.Combine(folder, ModelFolder.ManifestFile);
        var manifest = ModelManifest.Load(path);
        manifest.Metrics[split] = new Dictionary<string, double> { ["accuracy"] = Math.Round(accuracy, 4) };
        manifest.Save(path);
    }
}
