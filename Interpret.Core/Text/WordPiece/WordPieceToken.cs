namespace Interpret.Core.Text.WordPiece;

/// <summary>One wordpiece of a text: its vocabulary entry (a continuation keeps its "##"), its id, the characters
/// [<paramref name="Start"/>, <paramref name="End"/>) of the text as typed that it stands for, and the index of the
/// word (basic token) it belongs to, so scores on pieces can be summed back into words. Pieces come in text order and
/// do not overlap, except that pieces cut from a single typed character (a Hangul syllable decomposes into jamo)
/// each cover that whole character.</summary>
public sealed record WordPieceToken(string Text, int Id, int Start, int End, int Word);
