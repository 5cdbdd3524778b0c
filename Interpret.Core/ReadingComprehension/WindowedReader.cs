using Interpret.Core.Models;
using Interpret.Core.Models.Bert;
using Interpret.Core.Text.WordPiece;
using static TorchSharp.torch;

namespace Interpret.Core.ReadingComprehension;

/// <summary>
/// Answers questions with a <see cref="BertForQuestionAnswering"/> over passages of any length: every window of the
/// passage is read (<see cref="PassageWindows"/>), each window's best span is decoded (<see cref="SpanDecoder"/>, over
/// the window's passage pieces) and the span with the highest start + end score across windows wins, as HuggingFace's
/// question-answering post-processing does. The answer is the passage's characters from the span's first piece to its
/// last. Used to score a dataset; the explorer's predictor reads one window.
/// </summary>
public sealed class WindowedReader(BertForQuestionAnswering model, WordPieceVocabulary vocabulary, PassageWindows windows)
{
    readonly WordPieceTokenizer _tokenizer = new(vocabulary);

    public IReadOnlyList<string> Answer(IReadOnlyList<(string Question, string Context)> items, int batchSize = 32)
    {
        model.eval();
        using var _ = no_grad();
        var encoded = items.Select(i => SquadPieces.Of(_tokenizer, windows, i.Question, i.Context)).ToList();
        var jobs = encoded.SelectMany((e, item) => e.Windows.Select(w => (Item: item, Window: w))).ToList();
        var best = new (double Score, int Start, int End)[items.Count];
        Array.Fill(best, (double.NegativeInfinity, -1, -1));
        foreach (var chunk in jobs.OrderBy(j => j.Window.Length + encoded[j.Item].Question.Length).Chunk(batchSize))
        {
            using var scope = NewDisposeScope();
            var question = TokenBatch.Encode(chunk.Select(j => encoded[j.Item].Question).ToList());
            var passage = TokenBatch.Encode(chunk.Select(j => encoded[j.Item].WindowIds(j.Window, vocabulary)).ToList());
            var scores = model.SpanScores(question, passage).to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
            long time = passage.Ids.shape[1];
            for (int r = 0; r < chunk.Length; r++)
            {
                var (item, window) = chunk[r];
                var start = scores.AsSpan((int)(r * 2 * time), window.Length);
                var end = scores.AsSpan((int)(r * 2 * time + time), window.Length);
                var answerable = new bool[window.Length];
                Array.Fill(answerable, true);
                var span = SpanDecoder.Best(start, end, answerable)[0];
                if (span.Score > best[item].Score) best[item] = (span.Score, window.Start + span.Start, window.Start + span.End);
            }
        }
        return items.Select((item, i) =>
        {
            var pieces = encoded[i].Passage;
            return best[i].Start < 0 ? "" : item.Context[pieces[best[i].Start].Start..pieces[best[i].End].End];
        }).ToList();
    }
}
