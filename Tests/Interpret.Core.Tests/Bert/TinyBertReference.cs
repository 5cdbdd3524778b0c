using System.Text.Json;
using Interpret.Core.Tests.Fixtures;

namespace Interpret.Core.Tests.Bert;

/// <summary>../shared/fixtures/tiny-bert: a HuggingFace BertForMaskedLM with outputs computed by transformers and
/// Captum (see its README). Values are compared with |ours − ref| ≤ 1e-4 + 1e-4·|ref|, the fixture's tolerance.</summary>
public static class TinyBertReference
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryFiles.SharedData, "..", "fixtures", "tiny-bert"));

    static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))).RootElement);

    public static JsonElement Json => Root.Value;

    public static JsonElement Case(string name) =>
        Json.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<string> CaseNames => Json.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    public static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();
    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static void Close(double expected, double actual, string what)
    {
        double tolerance = 1e-4 + 1e-4 * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (|Δ| = {Math.Abs(actual - expected):E2} > {tolerance:E2})");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]");
    }
}
