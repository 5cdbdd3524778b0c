using Interpret.Results;

namespace Interpret.Core.ReadingComprehension;

/// <summary>Maps a reference answer, given in characters of the passage, to the passage's tokens: the first and last
/// token that overlap the answer's characters (an answer that starts or ends inside a token takes the whole token).</summary>
public static class AnswerTokens
{
    /// <returns>inclusive token indices, or null when no token overlaps the characters (white space only, or out of range)</returns>
    public static (int Start, int End)? Of(IReadOnlyList<Token> tokens, int charStart, int charEnd)
    {
        int first = -1, last = -1;
        for (int t = 0; t < tokens.Count; t++)
            if (tokens[t].End > charStart && tokens[t].Start < charEnd)
            {
                if (first < 0) first = t;
                last = t;
            }
        return first < 0 ? null : (first, last);
    }
}
