using Interpret.Core.Data;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace Interpret.Core.Tests.Text;

/// <summary>Text typed like CoNLL-2003's sentences must come back as the dataset's own tokens, so the NER model sees
/// typed text the way it saw its training data (issue 13 §1).</summary>
public class ConllRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void DetokenisedDevSentencesTokeniseBackToTheirOwnTokens()
    {
        var sentences = ConllReader.Read(Path.Combine(RepositoryFiles.SharedData, "conll2003", "eng.testa"));
        var tokenizer = NerPredictor.TextTokenizer;
        var misses = new List<string>();
        foreach (var sentence in sentences)
        {
            var text = TreebankDetokenizer.Detokenize(sentence.Tokens);
            var tokens = tokenizer.Tokenize(text).Select(t => t.Text).ToList();
            if (!tokens.SequenceEqual(sentence.Tokens))
                misses.Add($"{string.Join(' ', sentence.Tokens)}\n   got {string.Join(' ', tokens)}");
        }
        double share = 1.0 - (double)misses.Count / sentences.Count;
        output.WriteLine($"eng.testa round trip: {sentences.Count - misses.Count} of {sentences.Count} sentences = {share:P2}");
        foreach (var miss in misses.Take(20)) output.WriteLine(miss);
        Assert.True(share >= 0.99, $"{share:P2} of sentences came back ({misses.Count} differ); first: {misses.FirstOrDefault()}");
    }
}
