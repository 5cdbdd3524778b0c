using System.Text.Json;
using Interpret.Core.Predictors;
using Interpret.Results;

namespace Interpret.Core.Methods;

/// <summary>Reads the one input shape of the UI, API and batch mode from JSON: either the task's input object
/// ({"text": "…"}) or a request wrapping it ({"input": {…}, "options": {…}}). Errors say what is wrong.</summary>
public static class RequestParser
{
    /// <summary>A key given twice is an error: which of the two values was meant is a guess.</summary>
    static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <param name="method">When given, an option the method does not take is an error that lists the ones it does.</param>
    public static MethodRequest Parse(string json, MethodOptions? defaults = null, string? method = null)
    {
        using var document = ParseDocument(json, "JSON");
        return Parse(document.RootElement, defaults, method);
    }

    static JsonDocument ParseDocument(string json, string what)
    {
        try { return JsonDocument.Parse(json, Strict); }
        catch (JsonException e) { throw new InputException($"Malformed {what}: {e.Message}"); }
        // Checking for duplicate keys unescapes every name; a lone surrogate escape in one ("\ud800") throws this.
        catch (InvalidOperationException) { throw new InputException($"Malformed {what}: a key holds an unpaired surrogate escape such as \\ud800."); }
    }

    public static MethodRequest Parse(JsonElement root, MethodOptions? defaults = null, string? method = null)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InputException("Expected a JSON object such as {\"text\": \"…\"}.");
        if (!root.TryGetProperty("input", out var input))
            return new MethodRequest(ReadInput(root), defaults);
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("input" or "options"))
                throw new InputException($"Unknown request member '{property.Name}'; a request has \"input\" and \"options\".");
        var options = defaults ?? new MethodOptions();
        if (root.TryGetProperty("options", out var o) && o.ValueKind != JsonValueKind.Null)
            options = Merge(options, ReadOptions(o, method));
        return new MethodRequest(ReadInput(input), options);
    }

    public static IReadOnlyDictionary<string, string> ReadInput(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InputException("The input must be an object of field names to text, such as {\"text\": \"…\"}.");
        var fields = new Dictionary<string, string>();
        foreach (var property in element.EnumerateObject())
        {
            var name = ReadString(() => property.Name, "A field name of the input");
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new InputException($"Input field '{name}' must be a string.");
            fields[name] = ReadString(() => property.Value.GetString()!, $"The '{name}' field");
        }
        if (fields.Count == 0) throw new InputException("The input has no fields.");
        return fields;
    }

    /// <summary>System.Text.Json refuses to turn an escaped lone surrogate ("\ud800") into a string; that is the
    /// user's text, so it is a 400 naming where it is, not a server error.</summary>
    static string ReadString(Func<string> read, string where)
    {
        try { return read(); }
        catch (InvalidOperationException) { throw new InputException($"{where} is not valid Unicode: it holds an unpaired surrogate escape such as \\ud800."); }
    }

    public static MethodOptions ParseOptions(string json, string? method = null)
    {
        using var document = ParseDocument(json, "options JSON");
        return ReadOptions(document.RootElement, method);
    }

    /// <summary>Reads the options object, checking each member first so that errors name the option and the kind of
    /// value it takes in the API's own words (never a .NET type). With a method, an option it does not take is an error
    /// too (it would be silently ignored), and both errors list the method's own options.</summary>
    public static MethodOptions ReadOptions(JsonElement element, string? method = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InputException("The options must be an object such as {\"steps\": 50}.");
        foreach (var property in element.EnumerateObject())
        {
            var name = ReadString(() => property.Name, "An option name");
            if (!OptionTypes.TryGetValue(name, out var type))
                throw new InputException(method is null
                    ? $"Unknown option '{name}'; the options are {string.Join(", ", OptionTypes.Keys)}."
                    : $"Unknown option '{name}' for {method}; its options are {string.Join(", ", MethodOptionNames.For(method))}.");
            if (method is not null && !MethodOptionNames.Applies(method, name))
                throw new InputException($"The option '{name}' does not apply to {method}; its options are {string.Join(", ", MethodOptionNames.For(method))}.");
            try { property.Value.Deserialize(type, ResultJson.Options); }
            catch (JsonException) { throw new InputException($"The option '{name}' must be {Kind(type)}, not {Shorten(property.Value.GetRawText())}."); }
            catch (InvalidOperationException) { throw new InputException($"The option '{name}' is not valid Unicode: it holds an unpaired surrogate escape such as \\ud800."); }
        }
        return element.Deserialize<MethodOptions>(ResultJson.Options) ?? new MethodOptions();
    }

    /// <summary>Each option's JSON name and type, as ResultJson reads them (names match case-insensitively, as there).</summary>
    static readonly Dictionary<string, Type> OptionTypes = ResultJson.Options.GetTypeInfo(typeof(MethodOptions)).Properties
        .ToDictionary(p => p.Name, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

    static string Kind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => "a whole number",
        var t when t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => "a string",
    };

    static string Shorten(string json) => json.Length <= 40 ? json : json[..40] + "…";

    /// <summary>Options set in <paramref name="over"/> win over <paramref name="under"/>.</summary>
    public static MethodOptions Merge(MethodOptions under, MethodOptions over) => new()
    {
        Objective = over.Objective ?? under.Objective,
        Target = over.Target ?? under.Target,
        Instance = over.Instance ?? under.Instance,
        SingleInstance = over.SingleInstance ?? under.SingleInstance,
        Steps = over.Steps ?? under.Steps,
        Rule = over.Rule ?? under.Rule,
        Samples = over.Samples ?? under.Samples,
        NoiseScale = over.NoiseScale ?? under.NoiseScale,
        Seed = over.Seed ?? under.Seed,
        TimesInput = over.TimesInput ?? under.TimesInput,
        Chunk = over.Chunk ?? under.Chunk,
        Field = over.Field ?? under.Field,
        MaxFlips = over.MaxFlips ?? under.MaxFlips,
        Joint = over.Joint ?? under.Joint,
        BeamSize = over.BeamSize ?? under.BeamSize,
    };
}
