using Interpret.Core.Text.WordPiece;
using Interpret.Results;

namespace Interpret.Core.Text;

/// <summary>One BERT input sequence: [CLS], the text's WordPiece pieces, [SEP]. The two markers are tokens of the
/// field (so scores line up with what the model sees, as in the seed and Captum) but point at no characters
/// (Start = End = −1); attacks never touch them.</summary>
/// The second field of a pair is its pieces and [SEP] (HuggingFace's [CLS] a [SEP] b [SEP]).
public sealed class BertInputTokenizer(WordPieceTokenizer pieces) : ITextTokenizer
{
    public WordPieceVocabulary Vocabulary => pieces.Vocabulary;

    public IReadOnlyList<Token> Tokenize(string text) => Tokenize(text, 0);

    /// <summary>Field 0 gets [CLS] in front; every field ends with [SEP].</summary>
    public IReadOnlyList<Token> Tokenize(string text, int field) =>
        [.. field == 0 ? [Token.Inserted(WordPieceVocabulary.Classification)] : Array.Empty<Token>(),
         .. pieces.Tokenize(text).Select(p => new Token(p.Text, p.Start, p.End)),
         Token.Inserted(WordPieceVocabulary.Separator)];

    /// <summary>Cuts packed fields to <paramref name="maxPieces"/> in all, one piece at a time from the longest field,
    /// always its last piece before [SEP] (HuggingFace's "longest_first"). Training and dataset scoring cut alike.</summary>
    public static void TruncateLongestFirst<T>(IReadOnlyList<List<T>> fields, int maxPieces)
    {
        while (fields.Sum(f => f.Count) > maxPieces)
        {
            var longest = fields.MaxBy(f => f.Count)!;
            longest.RemoveAt(longest.Count - 2);
        }
    }
}
