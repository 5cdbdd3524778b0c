using Interpret.Results;

namespace Interpret.Core.Text;

/// <summary>Text as typed → the model's tokens, each with its character range in that text.</summary>
public interface ITextTokenizer
{
    IReadOnlyList<Token> Tokenize(string text);
}
