using Interpret.Core.Data;
using Interpret.Core.Models.Bert;
using Interpret.Core.Predictors;

namespace Interpret.Core.ReadingComprehension;

/// <summary>Scores a reader on SQuAD questions with the official EM/F1. A transformer reads long passages in windows
/// (<see cref="WindowedReader"/>, as in training); other readers read each passage whole through the predictor.</summary>
public static class ReaderEvaluation
{
    public static SquadScore.Totals Score(ReadingComprehensionPredictor predictor, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> questions,
        IProgress<int>? progress = null)
    {
        var answers = Answers(predictor, questions, progress);
        var totals = new SquadScore.Totals();
        for (int i = 0; i < questions.Count; i++) totals.Add(answers[i], questions[i].Question.Answers.Select(a => a.Text).ToList());
        return totals;
    }

    public static IReadOnlyList<string> Answers(ReadingComprehensionPredictor predictor, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> questions,
        IProgress<int>? progress = null)
    {
        if (predictor.SpanModel is BertSpanModel bert)
            return new WindowedReader(bert.Model, bert.Vocabulary, new PassageWindows()).Answer(questions.Select(q => (q.Question.Question, q.Paragraph.Context)).ToList());
        var answers = new string[questions.Count];
        var order = Enumerable.Range(0, questions.Count).OrderBy(i => questions[i].Paragraph.Context.Length).ToList();
        int done = 0;
        foreach (var chunk in order.Chunk(16))
        {
            var inputs = chunk.Select(i => predictor.Tokenize(new Dictionary<string, string>
            {
                [ReadingComprehensionPredictor.QuestionField] = questions[i].Question.Question,
                [ReadingComprehensionPredictor.PassageField] = questions[i].Paragraph.Context,
            })).ToList();
            var predictions = predictor.Predict(inputs);
            for (int k = 0; k < chunk.Length; k++) answers[chunk[k]] = predictions[k].Label;
            progress?.Report(done += chunk.Length);
        }
        return answers;
    }
}
