using Interpret.Results;

namespace Interpret.Components.Tests;

/// <summary>Coreference clusters: mentions marked in the text as typed, numbered by cluster, nested marks, one button
/// per cluster that picks the instance to explain.</summary>
public class CorefClustersTests
{
    const string Text = "The doctor called the nurse because she was late.";

    static CorefMention Mention(string text, string word, int token, int tokens = 1)
    {
        int at = text.IndexOf(word, StringComparison.Ordinal);
        return new CorefMention(word, "text", token, token + tokens, at, at + word.Length);
    }

    static Prediction Clusters(string text, params CorefCluster[] clusters) =>
        new("coref-litbank-bilstm", "clusters", clusters.Select(c => new LabelProbability($"cluster {c.Id}", c.Probability)).ToList(),
            [new Field("text", text, Records.Tokens(text.Split(' ')))], Clusters: clusters);

    static Prediction Nurse() => Clusters(Text,
        new CorefCluster(0, [Mention(Text, "the nurse", 3, 2), Mention(Text, "she", 6)], 0.8));

    /// <summary>The text a reader sees, without the cluster numbers and screen-reader notes.</summary>
    static string Visible(IRenderedComponent<CorefClusters> cut)
    {
        var copy = (AngleSharp.Dom.IElement)cut.Find(".coref-text").Clone();
        foreach (var extra in copy.QuerySelectorAll(".coref-index, .visually-hidden").ToList()) extra.Remove();
        return copy.TextContent;
    }

    [Fact]
    public async Task Mentions_are_marked_in_the_text_as_typed_with_their_cluster_number()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<CorefClusters>(p => p.Add(x => x.Prediction, Nurse()));

        var marks = cut.FindAll("mark.coref-mention");
        Assert.Equal(["the nurse", "she"], marks.Select(m => m.FirstChild!.TextContent));
        Assert.All(marks, m => Assert.Equal("0", m.GetAttribute("data-cluster")));
        Assert.All(marks, m => Assert.Equal("1", m.QuerySelector(".coref-index")!.TextContent));
        Assert.Equal(Text, Visible(cut));
        Assert.Contains("(cluster 1)", marks[1].TextContent); // what a screen reader hears
    }

    [Fact]
    public async Task A_button_per_cluster_picks_the_instance_and_outlines_its_mentions()
    {
        await using var ctx = TestHost.Create();
        var picked = new List<int?>();
        var cut = ctx.Render<CorefClusters>(p => p.Add(x => x.Prediction, Nurse()).Add(x => x.AllowAll, true)
            .Add(x => x.SelectedClusterChanged, (int? c) => picked.Add(c)));
        var chip = cut.Find("#cluster-0");
        Assert.Contains("the nurse · she", chip.TextContent);
        Assert.Contains("(80.0%)", chip.TextContent);
        Assert.Equal("true", cut.Find("#cluster-all").GetAttribute("aria-pressed"));

        chip.Click();

        Assert.Equal([0], picked);
        Assert.Equal("true", cut.Find("#cluster-0").GetAttribute("aria-pressed"));
        Assert.All(cut.FindAll("mark.coref-mention"), m => Assert.Contains("selected", m.ClassList));
    }

    [Fact]
    public async Task Nested_mentions_nest_and_a_crossing_one_stays_unmarked()
    {
        const string text = "the nurse's mother saw her";
        var prediction = Clusters(text,
            new CorefCluster(0, [Mention(text, "the nurse's mother", 0, 3), Mention(text, "her", 4)], 0.7),
            new CorefCluster(1, [Mention(text, "nurse's", 1), new CorefMention("mother saw", "text", 2, 4, 12, 22)], 0.6));
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<CorefClusters>(p => p.Add(x => x.Prediction, prediction));

        var outer = cut.Find("mark.coref-mention[data-cluster='0']");
        Assert.NotNull(outer.QuerySelector("mark.coref-mention[data-cluster='1']")); // "nurse's" inside
        Assert.Equal(3, cut.FindAll("mark.coref-mention").Count); // "mother saw" crosses the outer mark: unmarked
        Assert.Equal(text, Visible(cut));
    }

    [Fact]
    public async Task No_clusters_says_so()
    {
        await using var ctx = TestHost.Create();
        var cut = ctx.Render<CorefClusters>(p => p.Add(x => x.Prediction, Clusters(Text)));
        Assert.Contains("linked no two mentions", cut.Find(".coref-none").TextContent);
        Assert.Equal(Text, Visible(cut));
    }
}
