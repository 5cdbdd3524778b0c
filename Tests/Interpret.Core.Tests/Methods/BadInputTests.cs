using Interpret.Core.Methods;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Methods;

public class BadInputTests
{
    static MethodRequest Text(string text, MethodOptions? options = null) => new(new Dictionary<string, string> { ["text"] = text }, options);

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    public void EmptyTextIsRejected(string text)
    {
        using var predictor = TinyModels.BiLstm();
        var error = Assert.Throws<InputException>(() => MethodRunner.Run(predictor, "simple-gradient", Text(text)).ToList());
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void HugeTextIsRejectedWithTheLimit()
    {
        using var predictor = TinyModels.BiLstm();
        var error = Assert.Throws<InputException>(() => MethodRunner.Run(predictor, "simple-gradient", Text(new string('a', 100_000))).ToList());
        Assert.Contains("100,000 characters", error.Message);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void TooManyTokensAreRejected()
    {
        using var predictor = TinyModels.BiLstm();
        var error = Assert.Throws<InputException>(() => predictor.Tokenize(new Dictionary<string, string> { ["text"] = string.Join(' ', Enumerable.Repeat("fun", 300)) }));
        Assert.Contains("tokens", error.Message);
    }

    [Fact]
    public void UnknownMethodAndModelNameWhatExists()
    {
        using var predictor = TinyModels.BiLstm();
        var method = Assert.Throws<UnknownNameException>(() => MethodRunner.Run(predictor, "lime-ish", Text("fun")).ToList());
        Assert.Contains("integrated-gradient", method.Message);
        using var catalog = new ModelCatalog([]);
        var model = Assert.Throws<UnknownNameException>(() => catalog.Get("sst2"));
        Assert.Contains("Unknown model 'sst2'", model.Message);
    }

    [Theory]
    [InlineData("{\"text\": \"fun\"", "Malformed JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"text\": 3}", "must be a string")]
    [InlineData("{\"input\": {\"text\": \"fun\"}, \"options\": {\"stepz\": 3}}", "stepz")]
    [InlineData("{\"input\": {\"text\": \"fun\"}, \"extra\": 1}", "Unknown request member")]
    [InlineData("{\"input\": {\"text\": \"fun\"}, \"options\": {\"steps\": \"ten\"}}", "The option 'steps' must be a whole number")]
    public void MalformedRequestsSayWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<InputException>(() => RequestParser.Parse(json));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("integrated-gradient", "{\"steps\": 0}", "Steps")]
    [InlineData("integrated-gradient", "{\"rule\": \"simpson\"}", "Unknown integration rule")]
    [InlineData("smooth-gradient", "{\"noiseScale\": -1}", "Noise scale")]
    [InlineData("simple-gradient", "{\"objective\": \"margin\"}", "Unknown objective")]
    [InlineData("simple-gradient", "{\"target\": \"neutral\"}", "not a label")]
    [InlineData("input-reduction", "{\"beamSize\": 0}", "Beam size")]
    [InlineData("hotflip", "{\"field\": \"premise\"}", "no input field")]
    [InlineData("simple-gradient", "{\"instance\": 3}", "Instance 3 does not exist")]
    public void BadOptionsAreRejected(string method, string options, string expected)
    {
        using var predictor = TinyModels.BiLstm();
        var request = RequestParser.Parse($"{{\"input\": {{\"text\": \"fun movie\"}}, \"options\": {options}}}");
        var error = Assert.Throws<InputException>(() => MethodRunner.Run(predictor, method, request).ToList());
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void UnknownFieldAndOutOfVocabularyWords()
    {
        using var predictor = TinyModels.BiLstm();
        Assert.Contains("Unknown input field", Assert.Throws<InputException>(() =>
            predictor.Tokenize(new Dictionary<string, string> { ["premise"] = "fun" })).Message);
        // Words the model never saw still get scores (through the unknown token) instead of failing.
        var result = (Interpretation)MethodRunner.Run(predictor, "simple-gradient", Text("zyxxy qwerty fun")).Last();
        Assert.Equal(["zyxxy", "qwerty", "fun"], result.Instances[0].Fields[0].Tokens.Select(t => t.Text));
    }
}
