using System.Diagnostics;
using Explorer.App.State;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>The set-up in the URL (reload and shared links) and the curl command for a result.</summary>
public sealed class ViewLinkTests
{
    const string Base = "http://localhost:5000/explorer/";

    [Fact]
    public void A_link_carries_model_method_options_and_a_short_input_through_the_url()
    {
        var input = new Dictionary<string, string> { ["premise"] = "A man & a dog = 2 (\"friends\")?", ["hypothesis"] = "Two are friends 🔥." };
        var options = new MethodOptions { Steps = 25, Rule = "gauss-legendre", Objective = "log-prob" };
        var link = ViewLink.Of("nli-snli-esim", "integrated-gradient", options, input);

        var back = ViewLink.Parse(Base + link.ToQuery());

        Assert.Equal("nli-snli-esim", back.Model);
        Assert.Equal("integrated-gradient", back.Method);
        Assert.Equal(options, back.Options);
        Assert.Equal(input, back.Input);
    }

    [Fact]
    public void A_long_input_stays_out_of_the_link_and_the_rest_stays_in()
    {
        var input = new Dictionary<string, string> { ["text"] = new string('a', ViewLink.MaxInputCharacters + 1) };
        var back = ViewLink.Parse(Base + ViewLink.Of("sentiment-sst2-bilstm", "hotflip", new MethodOptions { MaxFlips = 3 }, input).ToQuery());
        Assert.Empty(back.Input);
        Assert.Equal("hotflip", back.Method);
        Assert.Equal(3, back.Options?.MaxFlips);
    }

    [Theory]
    [InlineData("?options=%7Bnot-json")]
    [InlineData("?options=%7B%22bogus%22%3A1%7D")]
    [InlineData("?model=a&model=b&method=")]
    [InlineData("")]
    public void An_edited_or_empty_link_loses_only_its_broken_parts(string query)
    {
        var link = ViewLink.Parse(Base + query);
        Assert.Null(link.Options);
        Assert.Null(link.Model); // given twice: neither wins
    }

    [Fact]
    public void The_curl_command_hands_the_shell_exactly_the_request_even_with_quotes_in_the_text()
    {
        var request = new MethodRequest(new Dictionary<string, string> { ["text"] = "it's a \"great\" film $HOME `id`" },
            new MethodOptions { Steps = 10, Rule = "riemann-left" });
        var curl = CurlCommand.For(Base, "sentiment-sst2-bilstm", "integrated-gradient", request);
        Assert.StartsWith("curl -X POST 'http://localhost:5000/explorer/api/models/sentiment-sst2-bilstm/interpret/integrated-gradient'", curl);
        Assert.Contains("/attack/hotflip'", CurlCommand.For(Base, "sentiment-sst2-bilstm", "hotflip", request));

        // Let a real shell parse the command's arguments: the body it would send must be the request's JSON.
        var body = curl[(curl.IndexOf(" -d ", StringComparison.Ordinal) + 4)..];
        var shell = Process.Start(new ProcessStartInfo("bash", ["-c", "printf %s " + body]) { RedirectStandardOutput = true })!;
        var parsed = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        var sent = ResultJson.Deserialize<MethodRequest>(parsed)!;
        Assert.Equal(request.Input, sent.Input);
        Assert.Equal(request.Options, sent.Options);
    }
}
