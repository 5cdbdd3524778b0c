using Interpret.Core.Data;
using Interpret.Core.Tagging;

namespace Interpret.Core.Tests.Ner;

/// <summary>The conlleval scorer and the IOB readers on hand-made cases whose counts are worked out by hand.</summary>
public class ConllEvalTests
{
    static string[] T(string tags) => tags.Split(' ');

    [Fact]
    public void ChunksFollowConllevalForIob1AndBio()
    {
        // IOB1: I-X starts an entity unless it follows X; B-X separates two adjacent X entities.
        Assert.Equal([new TagSpan("PER", 0, 2), new TagSpan("PER", 2, 3), new TagSpan("LOC", 4, 5)], BioTags.Chunks(T("I-PER I-PER B-PER O I-LOC")));
        // BIO: the same entities.
        Assert.Equal([new TagSpan("PER", 0, 2), new TagSpan("PER", 2, 3), new TagSpan("LOC", 4, 5)], BioTags.Chunks(T("B-PER I-PER B-PER O B-LOC")));
        // A type change ends one entity and starts another, even on I-.
        Assert.Equal([new TagSpan("ORG", 0, 1), new TagSpan("LOC", 1, 3)], BioTags.Chunks(T("B-ORG I-LOC I-LOC")));
        Assert.Equal(T("B-PER I-PER B-PER O B-LOC"), BioTags.ToBio(T("I-PER I-PER B-PER O I-LOC")));
        Assert.Equal(T("B-ORG B-LOC I-LOC O"), BioTags.ToBio(T("I-ORG I-LOC I-LOC O")));
    }

    [Theory]
    [InlineData("I-PER I-PER B-PER O I-LOC I-ORG I-ORG B-ORG I-MISC")]
    [InlineData("O I-LOC B-LOC I-LOC O O B-MISC I-PER")]
    [InlineData("B-PER I-LOC I-LOC O I-ORG O B-ORG B-ORG")]
    public void WritingTagsAsBioKeepsEveryChunk(string tags)
    {
        var bio = BioTags.ToBio(T(tags));
        Assert.Equal(BioTags.Chunks(T(tags)), BioTags.Chunks(bio));
        Assert.All(BioTags.Chunks(bio), c => Assert.StartsWith("B-", bio[c.Start]));
        // Scoring IOB1 gold against its own BIO form finds every chunk.
        var eval = new ConllEval();
        eval.Add(T(tags), bio);
        Assert.Equal(1.0, eval.Overall.F1);
    }

    [Fact]
    public void ExactMatchesPartialMatchesAndWrongTypes()
    {
        var eval = new ConllEval();
        // Gold (IOB1): [John Smith]PER works at [Google]ORG in [New York]LOC .
        // Guess (BIO): [John Smith]PER correct; [Google]LOC wrong type; [New]LOC partial (too short) → 1 of 3 correct.
        eval.Add(T("I-PER I-PER O O I-ORG O I-LOC I-LOC O"), T("B-PER I-PER O O B-LOC O B-LOC O O"));
        // Gold: [EU]ORG rejects [German]MISC call ; guess: [EU rejects]ORG (too long) and [German]MISC exact.
        eval.Add(T("I-ORG O I-MISC O"), T("B-ORG I-ORG B-MISC O"));
        var overall = eval.Overall;
        Assert.Equal(5, overall.Gold);
        Assert.Equal(5, overall.Guessed);
        Assert.Equal(2, overall.Correct);
        Assert.Equal(0.4, overall.Precision, 12);
        Assert.Equal(0.4, overall.Recall, 12);
        Assert.Equal(0.4, overall.F1, 12);
        Assert.Equal(["LOC", "MISC", "ORG", "PER"], eval.Types);
        Assert.Equal(new ConllEval.Score(1, 1, 1, 1, 1, 1), eval.For("PER"));
        Assert.Equal(new ConllEval.Score(1, 1, 1, 1, 1, 1), eval.For("MISC"));
        // LOC: guessed "Google" and "New", gold "New York": 0 correct of 2 guessed, 1 gold.
        Assert.Equal(new ConllEval.Score(0, 0, 0, 1, 2, 0), eval.For("LOC"));
        // ORG: gold "Google" and "EU", guessed "EU rejects": 0 correct.
        Assert.Equal(new ConllEval.Score(0, 0, 0, 2, 1, 0), eval.For("ORG"));
        // Token accuracy: tags equal in prefix and type (so I-PER ≠ B-PER): Smith and four O in the first sentence,
        // the last O in the second.
        Assert.Equal(13, eval.Tokens);
        Assert.Equal(6.0 / 13, eval.Accuracy, 12);
    }

    [Fact]
    public void UnequalPrecisionAndRecall()
    {
        var eval = new ConllEval();
        eval.Add(T("B-PER O B-LOC O B-ORG"), T("B-PER O O O O"));
        eval.Add(T("O O"), T("B-LOC O"));
        var overall = eval.Overall;
        Assert.Equal((3, 2, 1), (overall.Gold, overall.Guessed, overall.Correct));
        Assert.Equal(0.5, overall.Precision, 12);
        Assert.Equal(1.0 / 3, overall.Recall, 12);
        Assert.Equal(0.4, overall.F1, 12);
        var metrics = eval.Metrics();
        Assert.Equal(0.4, metrics["f1"]);
        Assert.Equal(0.0, metrics["f1-LOC"]);
        Assert.Equal(1.0, metrics["f1-PER"]);
        Assert.Equal(0.0, metrics["recall-ORG"]);
    }

    [Fact]
    public void AnEntityAtTheEndOfOneSentenceDoesNotJoinTheNext()
    {
        var eval = new ConllEval();
        eval.Add(T("O I-LOC"), T("O B-LOC"));
        eval.Add(T("I-LOC O"), T("I-LOC O"));
        Assert.Equal((2, 2, 2), (eval.Overall.Gold, eval.Overall.Guessed, eval.Overall.Correct));
    }

    [Fact]
    public void ReaderSkipsDocstartAndSplitsSentences()
    {
        var sentences = ConllReader.Parse([
            "-DOCSTART- -X- O O", "", "EU NNP I-NP I-ORG", "rejects VBZ I-VP O", "German JJ I-NP I-MISC", "",
            "", "Peter NNP I-NP I-PER", "Blackburn NNP I-NP I-PER", ""]);
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["EU", "rejects", "German"], sentences[0].Tokens);
        Assert.Equal(["I-ORG", "O", "I-MISC"], sentences[0].Tags);
        Assert.Equal(["B-PER", "I-PER"], BioTags.ToBio(sentences[1].Tags));
        Assert.Throws<InvalidDataException>(() => ConllReader.Parse(["lonely"]));
    }
}
