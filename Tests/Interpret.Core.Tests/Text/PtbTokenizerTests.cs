using Interpret.Core.Text;

namespace Interpret.Core.Tests.Text;

public class PtbTokenizerTests
{
    static readonly PtbTokenizer Lower = new(lowerCase: true);

    [Theory]
    [InlineData("It's a charming film.", "it 's a charming film .")]
    [InlineData("I don't like it, really!", "i do n't like it , really !")]
    [InlineData("We can't, won't... -- or couldn't?", "we ca n't , wo n't ... -- or could n't ?")]
    [InlineData("A well-made, 90-minute coming-of-age film (really).", "a well-made , 90-minute coming-of-age film ( really ) .")]
    [InlineData("They're here; we've gone, I'll stay, you'd go, I'm fine.", "they 're here ; we 've gone , i 'll stay , you 'd go , i 'm fine .")]
    [InlineData("Mr. Smith said \"hello\" to Ms. Jones.", "mr. smith said `` hello '' to ms. jones .")]
    [InlineData("It’s Björn’s café – 3.5 stars", "it 's björn 's café – 3.5 stars")]
    public void SplitsLikeTheSst2Files(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Lower.Tokenize(text).Select(t => t.Text)));

    [Theory]
    [InlineData("It's a charming film.")]
    [InlineData("  Don't   stop\tnow!! ")]
    [InlineData("He said \"no\" -- then left...")]
    public void EveryTokenMapsBackToTheTypedCharacters(string text)
    {
        var tokens = Lower.Tokenize(text);
        int previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Start >= previousEnd && token.End > token.Start && token.End <= text.Length);
            var typed = text[token.Start..token.End].ToLowerInvariant();
            Assert.True(typed == token.Text || token.Text is "``" or "''", $"'{typed}' vs '{token.Text}'");
            previousEnd = token.End;
        }
        // Nothing but whitespace is dropped.
        Assert.Equal(text.Count(c => !char.IsWhiteSpace(c)), tokens.Sum(t => t.End - t.Start));
    }

    [Fact]
    public void PreTokenisedTextComesBackUnchanged()
    {
        const string line = "it 's a charming and often affecting journey . ";
        Assert.Equal(line.Trim(), string.Join(' ', Lower.Tokenize(line).Select(t => t.Text)));
    }
}
