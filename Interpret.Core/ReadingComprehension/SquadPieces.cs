using Interpret.Core.Text.WordPiece;

namespace Interpret.Core.ReadingComprehension;

/// <summary>A question and its passage as WordPiece ids for a transformer reader: the question field
/// <c>[CLS] q [SEP]</c> (the question cut to <see cref="PassageWindows.MaxQuestionPieces"/> pieces), the passage's
/// pieces with their character offsets, and the windows that cover them.</summary>
public sealed record SquadPieces(long[] Question, IReadOnlyList<WordPieceToken> Passage, IReadOnlyList<(int Start, int Length)> Windows)
{
    public static SquadPieces Of(WordPieceTokenizer tokenizer, PassageWindows windows, string question, string context)
    {
        var vocabulary = tokenizer.Vocabulary;
        var questionPieces = tokenizer.Tokenize(question).Take(windows.MaxQuestionPieces).Select(p => (long)p.Id);
        long[] ids = [vocabulary.ClsId, .. questionPieces, vocabulary.IdOf(WordPieceVocabulary.Separator)];
        var passage = tokenizer.Tokenize(context);
        return new SquadPieces(ids, passage, windows.Of(ids.Length - 2, passage.Count));
    }

    /// <summary>The passage field of one window: its pieces' ids and the closing [SEP].</summary>
    public long[] WindowIds((int Start, int Length) window, WordPieceVocabulary vocabulary) =>
        [.. Passage.Skip(window.Start).Take(window.Length).Select(p => (long)p.Id), vocabulary.IdOf(WordPieceVocabulary.Separator)];

    /// <summary>The first and last piece (inclusive) that overlap characters [start, end) of the passage, or null when
    /// no piece does (an answer of white space only).</summary>
    public (int Start, int End)? PiecesOf(int start, int end)
    {
        int first = -1, last = -1;
        for (int i = 0; i < Passage.Count; i++)
            if (Passage[i].End > start && Passage[i].Start < end)
            {
                if (first < 0) first = i;
                last = i;
            }
        return first < 0 ? null : (first, last);
    }
}
