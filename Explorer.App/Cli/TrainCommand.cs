using System.CommandLine;
using Interpret.Core.Training;

namespace Explorer.App.Cli;

/// <summary>`train --model &lt;id&gt;`: trains a demo model from ../shared/data, checkpointing into runs/ (rerun the same
/// command to resume), then writes models/&lt;id&gt;/ and scores its dev split.</summary>
static class TrainCommand
{
    public static Command Create()
    {
        var ids = string.Join(", ", ClassifierRecipe.All.Select(r => r.Id).Append(NerRecipe.Id).Append(MaskedLmRecipe.Id).Append(BertSentimentRecipe.Id).Concat(MiniLmRecipe.All.Select(r => r.Id)).Append(MiniLmSquadRecipe.Id).Append(BidafSquadRecipe.Id).Append(CorefRecipe.Id));
        var model = new Option<string>("--model") { Description = $"Model id to train ({ids}).", Required = true };
        var data = new Option<string>("--data") { Description = "Folder of the shared datasets.", DefaultValueFactory = _ => RepositoryPaths.SharedData };
        var output = new Option<string>("--output") { Description = "Where model folders go.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 12 };
        var hidden = new Option<int>("--hidden") { Description = "LSTM hidden size per direction.", DefaultValueFactory = _ => 128 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 13 };
        var embedding = new Option<int>("--embedding-dim") { Description = "Embedding size; GloVe fills the first 50 dimensions.", DefaultValueFactory = _ => 50 };
        var rate = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 2e-3 };
        var dropout = new Option<double>("--dropout") { Description = "Dropout rate.", DefaultValueFactory = _ => 0.5 };
        var batch = new Option<int>("--batch") { Description = "Batch size.", DefaultValueFactory = _ => 64 };
        var command = new Command("train", "Train a demo model and write models/<id>/ (rerun to resume from runs/).")
            { model, data, output, epochs, hidden, seed, embedding, rate, dropout, batch };
        var nerOptions = NerRecipe.AddOptions(command);
        var mlmOptions = MaskedLmRecipe.AddOptions(command);
        var miniLmOptions = MiniLmRecipe.AddOptions(command);
        var corefOptions = CorefRecipe.AddOptions(command);
        command.SetAction(parse =>
        {
            var id = parse.GetValue(model)!;
            if (id == NerRecipe.Id)
                return NerRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), nerOptions);
            if (id == BertSentimentRecipe.Id)
                return BertSentimentRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed));
            if (id == MaskedLmRecipe.Id)
                return MaskedLmRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), mlmOptions);
            if (id == MiniLmSquadRecipe.Id)
                return MiniLmSquadRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), miniLmOptions);
            if (id == CorefRecipe.Id)
                return CorefRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), corefOptions, nerOptions);
            if (id == BidafSquadRecipe.Id)
                return BidafSquadRecipe.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), miniLmOptions, nerOptions);
            if (MiniLmRecipe.All.FirstOrDefault(r => r.Id == id) is { } miniLm)
                return miniLm.Train(parse, parse.GetValue(data)!, parse.GetValue(output)!, new(epochs, hidden, rate, dropout, batch, seed), miniLmOptions);
            var recipe = ClassifierRecipe.All.FirstOrDefault(r => r.Id == id);
            if (recipe is null)
            {
                Console.Error.WriteLine($"Unknown model '{id}'; this command trains: {ids}.");
                return 2;
            }
            recipe.Train(parse.GetValue(data)!, parse.GetValue(output)!, new ClassifierTrainingOptions(
                Epochs: parse.GetValue(epochs), BatchSize: parse.GetValue(batch), LearningRate: parse.GetValue(rate),
                EmbeddingDim: parse.GetValue(embedding), HiddenSize: parse.GetValue(hidden), Dropout: parse.GetValue(dropout), Seed: parse.GetValue(seed)));
            return 0;
        });
        return command;
    }
}
