using Interpret.Core.Data;
using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Models.Bert.Lora;
using Interpret.Core.Models.Pretrained;
using Interpret.Core.ReadingComprehension;
using Interpret.Core.Text.WordPiece;
using Interpret.Core.Torch;
using static TorchSharp.torch;

namespace Interpret.Core.Training;

/// <summary>
/// Fine-tunes the pretrained MiniLM encoder as a span reader (<see cref="BertForQuestionAnswering"/>) with LoRA adapters
/// (<see cref="LoraTrainer"/>). Each question becomes one example per passage window that holds its first reference
/// answer wholly (windows without it are left out, as SQuAD v1.1 always has an answer); the loss is the mean of the
/// start and end cross-entropies over the window's passage pieces. Checkpoints are picked by the official F1 on the
/// validation questions, read over all windows (<see cref="WindowedReader"/>).
/// </summary>
public sealed class LoraSpanTrainer(LoraFineTuningOptions options, PassageWindows windows, string runDirectory, TrainingLog log)
{
    /// <summary>One window: the question field, the window's passage field (pieces and [SEP]), and the answer's first
    /// and last piece in the window.</summary>
    public sealed record Example(long[] Question, long[] Passage, long Start, long End);

    public sealed record Result(BertForQuestionAnswering Model, LoraAdapters Adapters, double BestF1, int BestStep, double Seconds);

    public LoraConfig AdapterConfig => new()
    {
        TaskType = "QUESTION_ANS",
        BaseModel = MiniLmPackage.Name,
        Rank = options.Rank,
        Alpha = options.Alpha,
        Dropout = options.Dropout,
        ModulesToSave = [BertForQuestionAnswering.Head],
    };

    /// <summary>The training windows of <paramref name="questions"/> (first reference answer).</summary>
    public static List<Example> Examples(IEnumerable<(SquadParagraph Paragraph, SquadQuestion Question)> questions, WordPieceVocabulary vocabulary, PassageWindows windows)
    {
        var tokenizer = new WordPieceTokenizer(vocabulary);
        var examples = new List<Example>();
        foreach (var (paragraph, question) in questions)
        {
            var pieces = SquadPieces.Of(tokenizer, windows, question.Question, paragraph.Context);
            var answer = question.Answers[0];
            if (pieces.PiecesOf(answer.Start, answer.Start + answer.Text.Length) is not { } span) continue;
            foreach (var w in pieces.Windows)
                if (span.Start >= w.Start && span.End < w.Start + w.Length)
                    examples.Add(new Example(pieces.Question, pieces.WindowIds(w, vocabulary), span.Start - w.Start, span.End - w.Start));
        }
        return examples;
    }

    sealed class Task(BertForQuestionAnswering model, WindowedReader reader, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> validation) : ILoraTask<Example>
    {
        public nn.Module Model => model;

        public int Length(Example example) => example.Question.Length + example.Passage.Length;

        public Tensor Loss(IReadOnlyList<Example> batch)
        {
            var question = TokenBatch.Encode(batch.Select(b => b.Question).ToList());
            var passage = TokenBatch.Encode(batch.Select(b => b.Passage).ToList());
            // The closing [SEP] is never an answer; padding neither.
            var answerable = passage.Mask.clone();
            for (int r = 0; r < batch.Count; r++) answerable[r, batch[r].Passage.Length - 1] = tensor(false);
            var scores = model.SpanScores(question, passage).masked_fill(answerable.logical_not().unsqueeze(1), HeldScalars.NegativeInfinity);
            var start = nn.functional.cross_entropy(scores.select(1, 0), tensor(batch.Select(b => b.Start).ToArray()));
            var end = nn.functional.cross_entropy(scores.select(1, 1), tensor(batch.Select(b => b.End).ToArray()));
            return start.Plus(end).DividedBy(2);
        }

        /// <summary>The official F1 (percent) over the validation questions; the examples are not used.</summary>
        public double Score(IReadOnlyList<Example> dev)
        {
            var answers = reader.Answer(validation.Select(v => (v.Question.Question, v.Paragraph.Context)).ToList());
            var totals = new SquadScore.Totals();
            for (int i = 0; i < validation.Count; i++) totals.Add(answers[i], validation[i].Question.Answers.Select(a => a.Text).ToList());
            return totals.F1;
        }
    }

    public Result Train(IReadOnlyList<Example> train, IReadOnlyList<(SquadParagraph Paragraph, SquadQuestion Question)> validation,
        WordPieceVocabulary vocabulary, CancellationToken cancellation = default)
    {
        manual_seed(options.Seed);
        var model = MiniLmPackage.NewSpanReader(options.Dropout);
        var task = new Task(model, new WindowedReader(model, vocabulary, windows), validation);
        var result = new LoraTrainer(options, runDirectory, log).Train(task, AdapterConfig, train, [], "F1", cancellation);
        return new Result(model, result.Adapters, result.BestScore, result.BestStep, result.Seconds);
    }
}
