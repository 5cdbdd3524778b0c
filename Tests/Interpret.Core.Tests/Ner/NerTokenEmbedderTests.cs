using Interpret.Core.Models;
using Interpret.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Ner;

/// <summary>The NER token embedder: word ⊕ case ⊕ character CNN by the definition, the same output for a token
/// wherever and with whatever padding it appears, and finite, repeatable outputs at the shipped sizes (libtorch's CPU
/// Conv1d, which it replaced, gave sporadic NaN here).</summary>
public class NerTokenEmbedderTests
{
    static (NerLexicon Lexicon, NerTokenEmbedder Embedder) Create(int seed, int charDim, int filters, int kernel, int maxCharacters)
    {
        manual_seed(seed);
        var words = new[] { "Paris", "paris", "works", "IBM", "x", "Mc-Donald's", "1996" };
        var lexicon = new NerLexicon(new Vocabulary(words), NerLexicon.CollectCharacters(words), maxCharacters);
        var config = new BiLstmCrfConfig(lexicon.Words.Count, 4, 2, lexicon.CharacterCount, charDim, filters, kernel, maxCharacters, 3, 5, 0.5);
        var embedder = new NerTokenEmbedder(config);
        embedder.to(ScalarType.Float64);
        return (lexicon, embedder);
    }

    [Fact]
    public void LexiconEncodesWordCaseAndCharacters()
    {
        var (lexicon, _) = Create(1, 3, 2, 3, 6);
        Assert.Equal(lexicon.Words.IdOf("paris"), lexicon.Words.IdOf(NerLexicon.WordKey("Paris")));
        Assert.Equal(["paris", "works", "ibm", "x", "mc-donald's", "1996"], lexicon.Words.Tokens.Skip(2));
        Assert.Equal([1, 2, 3, 4, 5, 6, 3, 4], new[] { "paris", "IBM", "Paris", "McDonald", "1996", ",", "Paris-based", "iPhone" }.Select(NerLexicon.CaseOf));
        var row = new long[lexicon.Columns];
        lexicon.Encode("Mc-Donald's", row);
        Assert.Equal(lexicon.Words.IdOf("mc-donald's"), row[0]);
        Assert.Equal(4, row[1]);
        Assert.Equal("Mc-Don", new string(row.Skip(2).Select(id => lexicon.Characters[(int)id - 2]).ToArray())); // cut after 6
        lexicon.Encode("Zürich", row);
        Assert.Equal(Vocabulary.UnknownId, row[0]);
        Assert.Equal(Vocabulary.UnknownId, row[3]); // 'ü' is not in the character list
        Assert.Equal(lexicon.Encode([["``"]]).data<long>().ToArray(), lexicon.Encode([["\""]]).data<long>().ToArray());
    }

    [Fact]
    public void OutputIsWordCaseAndMaxPooledCharacterConvolution()
    {
        const int charDim = 3, filters = 2, kernel = 3, maxCharacters = 6;
        var (lexicon, embedder) = Create(2, charDim, filters, kernel, maxCharacters);
        var p = embedder.named_parameters().ToDictionary(x => x.name, x => x.parameter.data<double>().ToArray());
        foreach (var token in new[] { "IBM", "x", "Mc-Donald's" })
        {
            using var scope = NewDisposeScope();
            var ids = lexicon.Encode([[token]]);
            var row = ids.data<long>().ToArray();
            var output = embedder.call(ids).data<double>().ToArray();
            Assert.Equal(p["words.weight"].Skip((int)row[0] * 4).Take(4), output.Take(4));
            Assert.Equal(p["cases.weight"].Skip((int)row[1] * 2).Take(2), output.Skip(4).Take(2));
            // Convolution by hand: window of the character and its neighbours (zero beyond the token), ReLU, max.
            int length = Math.Min(token.Length, maxCharacters);
            double[] Char(int c) => c < 0 || c >= length ? new double[charDim] : p["characters.weight"].Skip((int)row[2 + c] * charDim).Take(charDim).ToArray();
            for (int f = 0; f < filters; f++)
            {
                double best = double.NegativeInfinity;
                for (int c = 0; c < length; c++)
                {
                    double sum = p["convolution.bias"][f];
                    for (int k = 0; k < kernel; k++)
                        for (int d = 0; d < charDim; d++) sum += p["convolution.weight"][f * kernel * charDim + k * charDim + d] * Char(c + k - kernel / 2)[d];
                    best = Math.Max(best, Math.Max(0, sum));
                }
                Assert.Equal(best, output[6 + f], 12);
            }
        }
    }

    [Fact]
    public void ATokensVectorDoesNotDependOnItsNeighboursOrOnPadding()
    {
        var (lexicon, embedder) = Create(3, 4, 5, 3, 8);
        using var scope = NewDisposeScope();
        var alone = embedder.call(lexicon.Encode([["IBM"]])).data<double>().ToArray();
        var batch = embedder.call(lexicon.Encode([["Paris", "works", "Mc-Donald's"], ["x", "IBM"]]));
        Assert.Equal(alone, batch[1, 1].data<double>().ToArray());
        Assert.All(batch[1, 2].data<double>().ToArray(), v => Assert.Equal(0, v)); // padding position
    }

    [Fact]
    public void OutputsAreFiniteAndRepeatableAtTheShippedSizes()
    {
        var (lexicon, embedder) = Create(4, 25, 50, 3, 20);
        embedder.to(ScalarType.Float32);
        var random = new Random(4);
        var tokens = Enumerable.Range(0, 40).Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, 30)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 25)).Select(_ => lexicon.Characters[random.Next(lexicon.Characters.Length)]).ToArray())).ToList()).ToList();
        using var scope = NewDisposeScope();
        var ids = lexicon.Encode(tokens);
        var first = embedder.call(ids).data<float>().ToArray();
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
        for (int i = 0; i < 100; i++)
        {
            using var inner = NewDisposeScope();
            Assert.Equal(first, embedder.call(ids).data<float>().ToArray());
        }
    }
}
