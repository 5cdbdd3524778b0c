using System.CommandLine;

namespace Explorer.App.Cli;

/// <summary>The train command's options that every recipe reads; a recipe uses its own default when one is not given.</summary>
sealed record SharedTrainOptions(Option<int> Epochs, Option<int> Hidden, Option<double> Rate, Option<double> Dropout, Option<int> Batch, Option<int> Seed)
{
    /// <summary>The option's value when the user gave it, else the recipe's own default.</summary>
    public T ValueOr<T>(ParseResult parse, Option<T> option, T fallback) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : fallback;
}
