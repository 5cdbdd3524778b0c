namespace Interpret.Core.Tests.Text;

/// <summary>
/// Turns treebank tokens back into text as a person would type it, so a tokenizer can be checked against a dataset's
/// own tokens. Deliberately simple: tokens are joined by one space, except none before closing punctuation
/// (, . ; : ! ? % ) ] } and ... ), before clitics ('s 're 've 'll 'd 'm n't and a lone '), or after an opening
/// bracket ( [ {. Straight double quotes alternate within a sentence: the first opens (no space after it), the next
/// closes (no space before it); a quote right after , . ! ? closes a quotation begun in an earlier sentence.
/// </summary>
public static class TreebankDetokenizer
{
    static readonly HashSet<string> NoSpaceBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'", "''",
    };

    static readonly HashSet<string> NoSpaceAfter = ["(", "[", "{", "``"];

    public static string Detokenize(IReadOnlyList<string> tokens)
    {
        var text = new System.Text.StringBuilder();
        bool quoteOpen = false, spaceNext = false;
        foreach (var token in tokens)
        {
            bool spaceBefore = spaceNext && !NoSpaceBefore.Contains(token);
            spaceNext = !NoSpaceAfter.Contains(token);
            if (token == "\"")
            {
                quoteOpen = !quoteOpen && !(text.Length > 0 && ",.!?".Contains(text[^1]));
                if (quoteOpen) spaceNext = false;
                else spaceBefore = false;
            }
            if (spaceBefore) text.Append(' ');
            text.Append(token);
        }
        return text.ToString();
    }
}
