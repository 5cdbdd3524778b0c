using Explorer.App.State;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>The instance a run explains on a structured prediction: a tagger's entity or a coreference cluster.</summary>
public sealed class EntityChoiceTests
{
    static Prediction With(IReadOnlyList<InstanceLabel>? entities = null, IReadOnlyList<CorefCluster>? clusters = null) =>
        new("m", "l", [], [new Field("text", "a b", [new Token("a", 0, 1), new Token("b", 2, 3)])], Entities: entities, Clusters: clusters);

    static CorefCluster Cluster(int id) => new(id, [new CorefMention("a", "text", 0, 1, 0, 1), new CorefMention("b", "text", 1, 2, 2, 3)], 0.9);

    [Fact]
    public void Clusters_are_chosen_like_entities()
    {
        var two = With(clusters: [Cluster(0), Cluster(1)]);
        Assert.Equal(2, EntityChoice.Parts(two));
        Assert.Equal(0, EntityChoice.Default(two));
        Assert.Equal(1, EntityChoice.InstanceFor(two, 1, isAttack: false));
        Assert.Null(EntityChoice.InstanceFor(two, null, isAttack: false)); // all clusters: saliency only
        Assert.Equal(0, EntityChoice.InstanceFor(two, null, isAttack: true)); // an attack takes one
        Assert.Equal(0, EntityChoice.InstanceFor(two, 5, isAttack: true)); // a stale choice falls back
    }

    [Fact]
    public void A_prediction_without_parts_sends_no_instance()
    {
        Assert.Null(EntityChoice.Parts(With()));
        Assert.Null(EntityChoice.InstanceFor(With(), 0, isAttack: true));
        Assert.Null(EntityChoice.Default(With(clusters: [])));
        Assert.Null(EntityChoice.InstanceFor(With(entities: []), 0, isAttack: true));
    }
}
