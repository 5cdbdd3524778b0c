using Interpret.Core.Predictors;

namespace Interpret.Core.Tests.Text;

/// <summary>Every refusal of an input names the field it concerns, so a form can mark that box.</summary>
public class InputLimitsTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\u200b\u200b", "no visible characters")]
    public void A_refused_text_names_its_field(string text, string message)
    {
        var error = Assert.Throws<InputException>(() => new InputLimits().CheckText("hypothesis", text));
        Assert.Contains(message, error.Message);
        Assert.Equal("hypothesis", error.Field);
    }

    [Fact]
    public void Too_long_and_too_many_tokens_name_the_field_too()
    {
        var limits = new InputLimits(MaxCharacters: 5, MaxTokens: 2);
        Assert.Equal("text", Assert.Throws<InputException>(() => limits.CheckText("text", "abcdef")).Field);
        Assert.Equal("passage", Assert.Throws<InputException>(() => limits.CheckTokens("passage", 3)).Field);
        // A lone surrogate (built here: theory data would not carry it intact).
        Assert.Equal("text", Assert.Throws<InputException>(() => limits.CheckText("text", "a" + (char)0xD800)).Field);
        Assert.Null(new InputException("no field").Field);
    }
}
