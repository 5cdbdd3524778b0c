using Interpret.Core.Coreference;
using Interpret.Core.Tests.Fixtures;

namespace Interpret.Core.Tests.Coreference;

/// <summary>The CoNLL-2012 and GAP readers, the document split and the training segments.</summary>
public class CorefDataTests
{
    static string Data(params string[] parts) => Path.Combine([RepositoryFiles.SharedData, "coref", .. parts]);

    const string Toy = """
        #begin document (toy); part 0
        toy	0	0	Mary	_	_	_	_	_	_	_	_	_	(1)|(2
        toy	0	1	's	_	_	_	_	_	_	_	_	_	
        toy	0	2	dog	_	_	_	_	_	_	_	_	_	2)
        toy	0	3	barked	_	_	_	_	_	_	_	_	_	

        toy	0	0	She	_	_	_	_	_	_	_	_	_	(1)
        toy	0	1	saw	_	_	_	_	_	_	_	_	_	-
        toy	0	2	it	_	_	_	_	_	_	_	_	_	(2)
        #end document
        """;

    [Fact]
    public void ReadsNestedAndOneTokenMentionsAcrossSentences()
    {
        var document = Assert.Single(CorefConllReader.Parse(Toy.Split('\n')));
        Assert.Equal("toy", document.Name);
        Assert.Equal(2, document.Sentences.Count);
        Assert.Equal(["Mary", "'s", "dog", "barked", "She", "saw", "it"], document.Tokens);
        Assert.Equal(2, document.Clusters.Count);
        Assert.Equal([new MentionSpan(0, 1), new MentionSpan(4, 5)], document.Clusters[0]); // Mary, She
        Assert.Equal([new MentionSpan(0, 3), new MentionSpan(6, 7)], document.Clusters[1]); // Mary 's dog, it
    }

    [Fact]
    public void AnUnclosedMentionIsAnError()
    {
        var lines = new[] { "#begin document (x); part 0", "x\t0\t0\tA\t_\t(3", "#end document" };
        Assert.Throws<InvalidDataException>(() => CorefConllReader.Parse(lines));
    }

    [Fact]
    public void LitBankHasItsPublishedCounts()
    {
        var documents = CorefConllReader.ReadAll(Data("litbank", "conll"));
        Assert.Equal(100, documents.Count);
        Assert.Equal(210_532, documents.Sum(d => d.Tokens.Count));
        Assert.Equal(8_562, documents.Sum(d => d.Sentences.Count));
        Assert.Equal(29_103, documents.Sum(d => d.MentionCount));
        Assert.Equal(7_927, documents.Sum(d => d.Clusters.Count));
    }

    [Fact]
    public void SplitIsDeterministicDisjointAndEightyTenTen()
    {
        var documents = CorefConllReader.ReadAll(Data("litbank", "conll"));
        var split = CorefSplit.Of(documents);
        var again = CorefSplit.Of(documents.AsEnumerable().Reverse());
        Assert.Equal((80, 10, 10), (split.Train.Count, split.Dev.Count, split.Test.Count));
        Assert.Equal(split.Test.Select(d => d.Name), again.Test.Select(d => d.Name));
        Assert.Empty(split.Train.Select(d => d.Name).Intersect(split.Dev.Concat(split.Test).Select(d => d.Name)));
        Assert.Empty(split.Dev.Select(d => d.Name).Intersect(split.Test.Select(d => d.Name)));
    }

    [Fact]
    public void SegmentsAreWholeSentencesAndKeepTheMentionsInsideThem()
    {
        var document = CorefConllReader.ReadAll(Data("litbank", "conll"))[0];
        var segments = CorefSegments.Split(document, 300);
        Assert.All(segments, s => Assert.InRange(s.Tokens.Count, 1, 300));
        Assert.Equal(document.Tokens, segments.SelectMany(s => s.Tokens));
        Assert.Equal(document.Sentences.Count, segments.Sum(s => s.Sentences.Count));
        int offset = 0, kept = 0;
        foreach (var segment in segments)
        {
            foreach (var m in segment.Clusters.SelectMany(c => c))
                Assert.Contains(document.Clusters, c => c.Contains(new MentionSpan(m.Start + offset, m.End + offset)));
            kept += segment.MentionCount;
            offset += segment.Tokens.Count;
        }
        // Only mentions across a cut are lost, and long mentions are rare.
        Assert.InRange(kept, document.MentionCount * 0.97, document.MentionCount);
    }

    [Fact]
    public void WinoBiasTestFilesHaveOneSentenceAndOneClusterPerDocument()
    {
        var documents = CorefConllReader.Read(Data("winobias", "conll", "test_type1_pro_stereotype.v4_auto_conll"));
        Assert.Equal(396, documents.Count);
        Assert.All(documents, d => Assert.Single(d.Sentences));
        // The occupation and the pronoun; a few sentences name the occupation twice.
        Assert.All(documents, d => Assert.InRange(Assert.Single(d.Clusters).Count, 2, 3));
    }

    [Fact]
    public void GapTestHasTwoThousandRowsWithCheckedOffsets()
    {
        var rows = GapReader.Read(Data("gap", "gap-test.tsv"));
        Assert.Equal(2000, rows.Count);
        Assert.Equal((918, 855), (rows.Count(r => r.ACoref), rows.Count(r => r.BCoref)));
    }
}
