using Interpret.Core.Predictors;
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
    [InlineData("The U.S. and U.K. met at 9 a.m., e.g. on Monday.", "The U.S. and U.K. met at 9 a.m. , e.g. on Monday .")]
    [InlineData("They live in the U.S.", "They live in the U.S .")]                        // the text's last period ends it
    [InlineData("\"He works for Smith & Co.\"", "\" He works for Smith & Co . \"")]
    [InlineData("Mr. Smith and Dr. Jones won't go.", "Mr. Smith and Dr. Jones wo n't go .")]
    [InlineData("He paid $3,000 and 1,230.5 for 10-12 items.", "He paid $ 3,000 and 1,230.5 for 10-12 items .")]
    [InlineData("Yields rose +0.435 to .596 at 1:23.45 on 1996-08-30.", "Yields rose +0.435 to .596 at 1:23.45 on 1996-08-30 .")]
    [InlineData("It fell C$0.45, 3 , 000 stay apart.", "It fell C$ 0.45 , 3 , 000 stay apart .")]
    [InlineData("1. Pivotal (ridden by M. Smith)\n2. Hever", "1. Pivotal ( ridden by M. Smith ) 2. Hever")]
    [InlineData("He scored 2. Then he left.", "He scored 2 . Then he left .")]        // a number is a list number only first on its line
    [InlineData("J. Adams took vitamin C.", "J. Adams took vitamin C .")]
    [InlineData("Tim O'Brien's gov't job at 5 o'clock.", "Tim O'Brien 's gov't job at 5 o'clock .")]
    [InlineData("U.S.-led talks on a multi- ethnic 6- 4 plan.", "U.S.-led talks on a multi- ethnic 6- 4 plan .")]
    [InlineData("Mail jeffrey.hodgson@reuters.com now.", "Mail jeffrey.hodgson@reuters.com now .")]
    [InlineData("It was a good film.", "It was a good film .")]
    public void FollowsTheTreebankAsConllWritesIt(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', NerPredictor.TextTokenizer.Tokenize(text).Select(t => t.Text)));

    [Theory]
    [InlineData("He said \"hi\".", "He said \" hi \" .")]
    [InlineData("He said “hi”.", "He said \" hi \" .")]
    public void StraightQuotesStayStraightForConll(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', new PtbTokenizer(lowerCase: false, PtbQuotes.Straight).Tokenize(text).Select(t => t.Text)));

    [Fact]
    public void DirectionalQuotesAreTheDefaultAsInSstAndSnli() =>
        Assert.Equal("`` hi ''", string.Join(' ', new PtbTokenizer(lowerCase: false).Tokenize("\"hi\"").Select(t => t.Text)));

    [Theory]
    [InlineData("It's a charming film.")]
    [InlineData("The U.S. paid $3,000 to M. O'Brien (1. item).")]
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
