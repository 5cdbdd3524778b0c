namespace Interpret.Core.Text;

/// <summary>How <see cref="PtbTokenizer"/> writes double quotes. Datasets differ: SST and SNLI were tokenised with the
/// Penn Treebank's directional `` and '', while CoNLL-2003 keeps the newswire's straight " (it has no `` at all). A
/// model's tokenizer uses the style of its training data.</summary>
public enum PtbQuotes
{
    /// <summary>" becomes `` when it opens a quotation and '' when it closes one; “ and ” become `` and ''.</summary>
    Directional,
    /// <summary>", “ and ” all become ", as in CoNLL-2003.</summary>
    Straight,
}
