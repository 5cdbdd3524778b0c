using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Interpret.Core.Attacks;
using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Explorer.App.Cli;

/// <summary>
/// `reduction --model rc-squad-minilm --file squad.json --skip-articles 38 --sample 200`: runs input reduction on the
/// questions of a SQuAD file (every k-th question, so the sample spans all articles) and prints how long the
/// questions are before and after, in words, to set beside Feng et al. (2018): reduced questions of one or two words
/// that still get the same answer. Questions whose input the model refuses (too long) are counted and skipped.
/// </summary>
static class ReductionCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "A reading-comprehension model id (a folder under models/).", Required = true };
        var file = new Option<string>("--file") { Description = "A SQuAD v1.1 JSON file.", Required = true };
        var skip = new Option<int>("--skip-articles") { Description = "Leave out the file's first N articles (38 = the validation part of SQuAD dev).", DefaultValueFactory = _ => 0 };
        var sample = new Option<int>("--sample") { Description = "How many questions, spread evenly over the file.", DefaultValueFactory = _ => 200 };
        var beam = new Option<int>("--beam") { Description = "Beam size of the reduction.", DefaultValueFactory = _ => 3 };
        var models = new Option<string>("--models") { Description = "Folder of model folders.", DefaultValueFactory = _ => RepositoryPaths.Models };
        var command = new Command("reduction", "Measure how far input reduction shortens reading-comprehension questions.") { model, file, skip, sample, beam, models };
        command.SetAction(parse =>
        {
            using var predictor = ModelFolder.Load(Path.Combine(parse.GetValue(models)!, parse.GetValue(model)!));
            var questions = SquadReader.Questions(SquadReader.Read(parse.GetValue(file)!).Skip(parse.GetValue(skip))).ToList();
            int count = Math.Clamp(parse.GetValue(sample), 1, questions.Count);
            var chosen = Enumerable.Range(0, count).Select(i => questions[(int)((long)i * questions.Count / count)]).ToList();
            Run(predictor, chosen, parse.GetValue(beam));
            return 0;
        });
        return command;
    }

    static void Run(Predictor predictor, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> questions, int beam)
    {
        var before = new List<int>();
        var after = new List<int>();
        var examples = new List<string>();
        int refused = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (paragraph, question) in questions)
        {
            TextInstance input;
            try
            {
                input = predictor.Tokenize(new Dictionary<string, string>
                {
                    [ReadingComprehensionPredictor.QuestionField] = question.Question,
                    [ReadingComprehensionPredictor.PassageField] = paragraph.Context,
                });
            }
            catch (InputException) { refused++; continue; }
            var attack = new InputReduction().RunToEnd(predictor, input, new MethodOptions { BeamSize = beam });
            before.Add(Words(attack.OriginalFields[0]));
            after.Add(Words(attack.FinalFields[0]));
            if (examples.Count < 8)
                examples.Add($"  \"{question.Question}\" → \"{string.Join(' ', attack.FinalFields[0].Tokens.Select(t => t.Text))}\" (answer \"{attack.Original.Label}\")");
            if (before.Count % 20 == 0) Console.Error.WriteLine($"{before.Count}/{questions.Count} in {clock.Elapsed.TotalSeconds:F0} s");
        }
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"{predictor.Id}: input reduction (beam {beam}) of {before.Count} questions ({refused} refused as too long) in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"question words: mean {F(before.Average())} before, {F(after.Average())} after; median after {Median(after)}; " +
                          $"{F(100.0 * after.Count(n => n <= 2) / after.Count)} % reduced to one or two words");
        examples.ForEach(Console.WriteLine);
    }

    /// <summary>Words as the reader wrote them: the kept tokens of the question text (not [CLS]/[SEP]), tokens that
    /// touch in the text (WordPiece pieces of one word) counting once, punctuation, which input reduction never removes
    /// (as in AllenNLP), not at all.</summary>
    static int Words(Field field)
    {
        int words = 0;
        Token? previous = null;
        foreach (var token in field.Tokens.Where(t => t.Start >= 0 && t.Text.Any(char.IsLetterOrDigit)))
        {
            if (previous is null || previous.End != token.Start) words++;
            previous = token;
        }
        return words;
    }

    static int Median(List<int> values) => values.Order().ElementAt(values.Count / 2);
}
