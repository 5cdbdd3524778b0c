using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interpret.Results;

/// <summary>The one JSON shape of results and requests: camelCase, nulls left out, unknown request members and
/// duplicate keys rejected (a misspelt option is an error, not a silent default).</summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // A key given twice is an error, not "the last one wins".
            AllowDuplicateProperties = false,
            // Plain JSON for files and APIs, not HTML: keep quotes and non-ASCII text readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
