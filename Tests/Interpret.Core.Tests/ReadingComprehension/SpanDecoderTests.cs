using Interpret.Core.ReadingComprehension;

namespace Interpret.Core.Tests.ReadingComprehension;

/// <summary>Best-span decoding against brute force over every legal span.</summary>
public class SpanDecoderTests
{
    static List<SpanDecoder.Span> BruteForce(double[] start, double[] end, bool[] answerable, int maxLength) =>
        (from s in Enumerable.Range(0, start.Length)
         from e in Enumerable.Range(0, start.Length)
         where s <= e && e - s + 1 <= maxLength && answerable[s] && answerable[e]
         orderby start[s] + end[e] descending, s, e
         select new SpanDecoder.Span(s, e, start[s] + end[e])).ToList();

    [Theory]
    [InlineData(1, 40, 30)]
    [InlineData(2, 7, 3)]
    [InlineData(3, 60, 30)]
    [InlineData(4, 1, 30)]
    [InlineData(5, 33, 1)]
    public void Equals_brute_force_on_random_scores(int seed, int tokens, int maxLength)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 50; trial++)
        {
            // Rounded scores make ties, so the tie order is tested too.
            var start = Enumerable.Range(0, tokens).Select(_ => Math.Round(random.NextDouble() * 4, 1)).ToArray();
            var end = Enumerable.Range(0, tokens).Select(_ => Math.Round(random.NextDouble() * 4, 1)).ToArray();
            var answerable = Enumerable.Range(0, tokens).Select(_ => random.NextDouble() > 0.15).ToArray();
            answerable[random.Next(tokens)] = true;
            var expected = BruteForce(start, end, answerable, maxLength).Take(6).ToList();
            var actual = SpanDecoder.Best(start, end, answerable, 6, maxLength);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void An_end_before_the_start_is_never_chosen()
    {
        // The best start is at 3 and the best end at 1: the span (3, 1) is illegal.
        double[] start = [0, 0, 0, 10, 0], end = [0, 10, 0, 0, 1];
        var best = SpanDecoder.Best(start, end, [true, true, true, true, true])[0];
        Assert.Equal(new SpanDecoder.Span(3, 4, 11), best);
    }

    [Fact]
    public void Spans_longer_than_the_limit_are_never_chosen()
    {
        var start = new double[40];
        var end = new double[40];
        start[0] = 10;
        end[35] = 10;
        var best = SpanDecoder.Best(start, end, Enumerable.Repeat(true, 40).ToArray())[0];
        Assert.True(best.Length <= SpanDecoder.MaxLength);
        Assert.NotEqual(35, best.End);
    }
}
