using System.CommandLine;
using Interpret.Core.Data;
using Interpret.Core.ReadingComprehension;

namespace Explorer.App.Cli;

/// <summary>`baseline --file squad.json [--skip-articles 38]`: the sliding-window lexical baseline's official EM/F1 on
/// any SQuAD v1.1 file, the floor every reader must beat.</summary>
static class BaselineCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "A SQuAD v1.1 JSON file.", Required = true };
        var skip = new Option<int>("--skip-articles") { Description = "Leave out the file's first N articles (38 = the validation part of SQuAD dev).", DefaultValueFactory = _ => 0 };
        var command = new Command("baseline", "Score the sliding-window lexical baseline for reading comprehension.") { file, skip };
        command.SetAction(parse =>
        {
            var questions = SquadReader.Questions(SquadReader.Read(parse.GetValue(file)!).Skip(parse.GetValue(skip))).ToList();
            var baseline = new SlidingWindowBaseline();
            var totals = new SquadScore.Totals();
            foreach (var (paragraph, question) in questions)
                totals.Add(baseline.Answer(question.Question, paragraph.Context), question.Answers.Select(a => a.Text).ToList());
            Console.WriteLine($"sliding-window baseline: {totals}");
            return 0;
        });
        return command;
    }
}
