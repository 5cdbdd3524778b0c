using System.Text.Json.Nodes;
using Interpret.Core.Models.Bert;

namespace Interpret.Core.Tests.Bert;

public sealed class BertConfigTests
{
    [Fact]
    public void A_huggingface_config_round_trips_with_exactly_its_own_keys()
    {
        var source = Path.Combine(TinyBertReference.Folder, BertCheckpoint.ConfigFile);
        var copy = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
        BertConfig.Load(source).Save(copy);
        var original = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        var written = JsonNode.Parse(File.ReadAllText(copy))!.AsObject();
        Assert.Equal(original.Select(kv => kv.Key).Order(), written.Select(kv => kv.Key).Order());
        foreach (var (key, value) in written) Assert.True(JsonNode.DeepEquals(original[key], value), key);
    }
}
