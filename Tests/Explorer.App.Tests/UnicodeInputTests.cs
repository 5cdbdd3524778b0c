using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Interpret.Core.Methods;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>Text the server cannot encode is a 400 that names the field, on every route; any other Unicode is
/// answered normally. Never a 500.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class UnicodeInputTests(ExplorerFactory factory)
{
    readonly HttpClient _client = factory.CreateClient();

    static string Attention(string model) => $"/api/models/{model}/attention";

    /// <summary>Every route that reads text, with the body it takes.</summary>
    static IEnumerable<(string Url, string Body)> Routes(string text)
    {
        var json = Json(text);
        yield return (Api.Predict(), $"{{\"text\":{json}}}");
        yield return (Api.Interpret(MethodNames.SimpleGradient), $"{{\"input\":{{\"text\":{json}}}}}");
        yield return (Api.Attack(MethodNames.InputReduction), $"{{\"input\":{{\"text\":{json}}}}}");
        yield return (Attention(ExplorerFactory.BertModel), $"{{\"text\":{json}}}");
    }

    /// <summary>A JSON string with everything outside printable ASCII escaped as \uXXXX, lone surrogates included
    /// (JsonSerializer would replace those with U+FFFD before sending).</summary>
    static string Json(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    [Theory] // the surrogate as a number: xunit would turn a lone surrogate in attribute data into U+FFFD
    [InlineData("good ", 0xD800, " film")]
    [InlineData("", 0xDC00, "")]
    [InlineData("ends high ", 0xD83D, "")]
    public async Task A_lone_surrogate_is_a_400_naming_the_field_on_every_route(string before, int surrogate, string after)
    {
        var text = before + (char)surrogate + after;
        foreach (var (url, body) in Routes(text))
        {
            var detail = await (await _client.PostAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("'text'", detail);
            Assert.Contains("surrogate", detail);
        }
    }

    [Fact]
    public async Task A_lone_surrogate_in_an_option_is_a_400()
    {
        var body = "{\"input\":{\"text\":\"good film\"},\"options\":{\"target\":\"\\ud800\"}}";
        var detail = await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("target", detail); // System.Text.Json names the path: "$.target"
    }

    [Fact]
    public async Task Invalid_utf8_bytes_are_a_400_not_silently_replaced()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\":\"good film\"}");
        bytes[10] = 0xFF; // inside the text
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var detail = await (await _client.PostAsync(Api.Predict(), content)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", detail);
    }

    [Theory] // code points as numbers: xunit's attribute data would mangle some of them
    [InlineData(0x200B, 0x200D)]
    [InlineData(0x0000, 0x0000)]
    [InlineData(0x200F, 0xFEFF)]
    [InlineData(0x0007, 0x0020)]
    public async Task Text_of_only_invisible_characters_is_as_empty_as_no_text(int first, int second)
    {
        var text = $"{(char)first}{(char)second}{(char)first}";
        foreach (var (url, body) in Routes(text))
        {
            var detail = await (await _client.PostAsync(url, body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("no visible characters", detail);
        }
    }

    [Fact]
    public async Task Random_unicode_never_gives_a_500_on_any_route()
    {
        // Letters of several scripts, controls, zero-width joiners, RTL marks, emoji, combining marks and lone surrogates.
        string[] pieces = ["a", "film", " ", "\u0000", "\u0007", "\t", "\n", "\u200d", "\u200b", "\u200f", "\u202e", "\ufeff",
            "é", "e\u0301", "ß", "ﬁ", "日本", "한국어", "مرحبا", "שלום", "👍🏽", "👨‍👩‍👧", "\ud800", "\udfff", "\uffff", "[MASK]", "@@NULL@@", "##ing"];
        var random = new Random(17);
        var failures = new List<string>();
        for (int n = 0; n < 40; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var (url, body) in Routes(text))
            {
                var response = await _client.PostAsync(url, body);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                    failures.Add($"{(int)response.StatusCode} {url} {JsonSerializer.Serialize(text)}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    [Theory] // issue 13: "great 🔥 film" came back as two "\uFFFD" tokens
    [InlineData("\U0001F525")]                                   // 🔥
    [InlineData("\U0001F1EB\U0001F1F7")]                         // 🇫🇷
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")] // 👨‍👩‍👧
    public async Task An_emoji_is_one_token_with_the_offsets_of_the_text_as_typed(string emoji)
    {
        var text = $"great {emoji} film";
        var result = await (await _client.PostAsync(Api.Interpret(MethodNames.SimpleGradient), Api.Request(text))).ReadAsync<Interpretation>();
        var tokens = result.Instances[0].Fields[0].Tokens;
        Assert.Equal(["great", emoji, "film"], tokens.Select(t => t.Text));
        Assert.Equal((6, 6 + emoji.Length), (tokens[1].Start, tokens[1].End));
    }
}
