using Interpret.Core.Models;
using Interpret.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>A small random BiDAF (the shipped architecture with tiny sizes): no training data, no files.</summary>
public static class TinyBidaf
{
    public static readonly string[] Words =
        ["The", "Rhine", "flows", "north", "into", "the", "North", "Sea", "in", "Netherlands", "river", "is", "long", "Which", "sea",
         "does", "what", "Where", "end", "Danube", "east", "Black", "It", "rises", "Alps", "Who", "wrote", "Hamlet", "Shakespeare", "?", ".", ","];

    public static BidafModel Create(int seed = 3, ScalarType dtype = ScalarType.Float64, int hidden = 3, double dropout = 0.2)
    {
        manual_seed(seed);
        var vocabulary = new Vocabulary(Words);
        var lexicon = new NerLexicon(vocabulary, NerLexicon.CollectCharacters(Words), maxCharacters: 8);
        var config = new BidafConfig(lexicon.Words.Count, WordDim: 4, CaseDim: 2, lexicon.CharacterCount, CharDim: 3, CharFilters: 3,
            CharKernel: 3, MaxCharacters: 8, HighwayLayers: 1, HiddenSize: hidden, ModellingLayers: 2, Dropout: dropout);
        var model = new BidafModel(config, lexicon);
        model.to(dtype);
        return model;
    }

    public static IReadOnlyList<string> Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
