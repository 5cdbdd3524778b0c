namespace Interpret.Core.Text;

/// <summary>What interpretation needs of any token table: its size and the id ↔ token mapping (unknown tokens map
/// to the table's own unknown id).</summary>
public interface ITokenVocabulary
{
    int Count { get; }
    string this[int id] { get; }
    int IdOf(string token);
    /// <summary>True when the token has an id of its own (it is listed and is not the unknown token itself).</summary>
    bool Knows(string token);
}
