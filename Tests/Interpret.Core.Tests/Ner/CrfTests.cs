using Interpret.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Interpret.Core.Tests.Ner;

/// <summary>The CRF's batched forward algorithm, gold-path score, Viterbi decoding and span marginals equal brute
/// force over every tag sequence, on tiny random cases with padding and with masks that start late (entity spans).</summary>
public class CrfTests
{
    sealed record Case(ConditionalRandomField Crf, double[,,] Emissions, bool[,] Mask, int Tags)
    {
        public double[] Transitions => Crf.Transitions.data<double>().ToArray();
        public double[] Start => Crf.StartTransitions.data<double>().ToArray();
        public double[] End => Crf.EndTransitions.data<double>().ToArray();
        public Tensor EmissionTensor() => tensor(Flatten(Emissions), [Emissions.GetLength(0), Emissions.GetLength(1), Tags], dtype: ScalarType.Float64);
        public Tensor MaskTensor() => tensor(Mask.Cast<bool>().ToArray(), [Mask.GetLength(0), Mask.GetLength(1)]);
        public int[] Positions(int row) => Enumerable.Range(0, Mask.GetLength(1)).Where(t => Mask[row, t]).ToArray();

        /// <summary>The definition written out: start + emissions + transitions between consecutive masked positions + end.</summary>
        public double Score(int row, IReadOnlyList<int> tags)
        {
            var positions = Positions(row);
            if (positions.Length == 0) return 0;
            double s = Start[tags[0]] + End[tags[^1]];
            for (int j = 0; j < positions.Length; j++)
            {
                s += Emissions[row, positions[j], tags[j]];
                if (j > 0) s += Transitions[tags[j - 1] * Tags + tags[j]];
            }
            return s;
        }

        public IEnumerable<int[]> AllSequences(int length)
        {
            int count = (int)Math.Pow(Tags, length);
            for (int n = 0; n < count; n++)
            {
                var tags = new int[length];
                for (int j = 0, rest = n; j < length; j++, rest /= Tags) tags[j] = rest % Tags;
                yield return tags;
            }
        }
    }

    static double[] Flatten(double[,,] a) => a.Cast<double>().ToArray();

    static Case Random(int seed, int tags, bool[,] mask)
    {
        manual_seed(seed);
        var crf = new ConditionalRandomField(tags);
        crf.to(ScalarType.Float64);
        var random = new Random(seed);
        var emissions = new double[mask.GetLength(0), mask.GetLength(1), tags];
        for (int b = 0; b < mask.GetLength(0); b++)
            for (int t = 0; t < mask.GetLength(1); t++)
                for (int k = 0; k < tags; k++) emissions[b, t, k] = random.NextDouble() * 4 - 2;
        return new Case(crf, emissions, mask, tags);
    }

    /// <summary>Rows of lengths 4, 1, 3 padded to 4 (prefix masks), a row masked on [1, 3) only (an entity span inside
    /// a sentence), and a row with nothing masked.</summary>
    static bool[,] Masks() => new bool[,]
    {
        { true, true, true, true },
        { true, false, false, false },
        { true, true, true, false },
        { false, true, true, false },
        { false, false, false, false },
    };

    static double LogSumExp(IEnumerable<double> values)
    {
        var list = values.ToList();
        double max = list.Max();
        return max + Math.Log(list.Sum(v => Math.Exp(v - max)));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    public void LogPartitionEqualsBruteForceLogSumExp(int seed, int tags)
    {
        var c = Random(seed, tags, Masks());
        using var scope = NewDisposeScope();
        var logZ = c.Crf.LogPartition(c.EmissionTensor(), c.MaskTensor()).data<double>().ToArray();
        for (int b = 0; b < c.Mask.GetLength(0); b++)
        {
            int length = c.Positions(b).Length;
            double expected = length == 0 ? 0 : LogSumExp(c.AllSequences(length).Select(y => c.Score(b, y)));
            Assert.Equal(expected, logZ[b], 10);
        }
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void GoldScoreAndLogLikelihoodFollowTheDefinition(int seed, int tags)
    {
        var c = Random(seed, tags, Masks());
        var random = new Random(seed);
        int rows = c.Mask.GetLength(0), time = c.Mask.GetLength(1);
        var gold = new long[rows * time];
        for (int i = 0; i < gold.Length; i++) gold[i] = random.Next(tags);
        using var scope = NewDisposeScope();
        var tagTensor = tensor(gold, [rows, time]);
        var score = c.Crf.Score(c.EmissionTensor(), tagTensor, c.MaskTensor()).data<double>().ToArray();
        var likelihood = c.Crf.LogLikelihood(c.EmissionTensor(), tagTensor, c.MaskTensor()).data<double>().ToArray();
        for (int b = 0; b < rows; b++)
        {
            var positions = c.Positions(b);
            var y = positions.Select(t => (int)gold[b * time + t]).ToArray();
            Assert.Equal(c.Score(b, y), score[b], 10);
            double logZ = positions.Length == 0 ? 0 : LogSumExp(c.AllSequences(positions.Length).Select(z => c.Score(b, z)));
            Assert.Equal(c.Score(b, y) - logZ, likelihood[b], 10);
            Assert.True(likelihood[b] <= 1e-12);
        }
    }

    [Theory]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(8, 5)]
    [InlineData(9, 2)]
    public void ViterbiEqualsBruteForceArgmax(int seed, int tags)
    {
        var c = Random(seed, tags, Masks());
        using var scope = NewDisposeScope();
        var paths = c.Crf.Viterbi(c.EmissionTensor(), c.MaskTensor());
        for (int b = 0; b < c.Mask.GetLength(0); b++)
        {
            int length = c.Positions(b).Length;
            Assert.Equal(length, paths[b].Length);
            if (length == 0) continue;
            var best = c.AllSequences(length).MaxBy(y => c.Score(b, y))!;
            Assert.Equal(best.Select(t => (long)t), paths[b]);
        }
    }

    [Theory]
    [InlineData(10, 3, 0, 2)]
    [InlineData(11, 3, 1, 2)]
    [InlineData(12, 4, 2, 2)]
    [InlineData(13, 3, 3, 1)]
    [InlineData(14, 2, 0, 4)]
    public void SpanMarginalEqualsBruteForce(int seed, int tags, int spanStart, int spanLength)
    {
        var c = Random(seed, tags, new bool[,] { { true, true, true, true } });
        var random = new Random(seed);
        var spanTags = Enumerable.Range(0, spanLength).Select(_ => random.Next(tags)).ToArray();
        var all = c.AllSequences(4).ToList();
        double logZ = LogSumExp(all.Select(y => c.Score(0, y)));
        double expected = LogSumExp(all.Where(y => y.Skip(spanStart).Take(spanLength).SequenceEqual(spanTags)).Select(y => c.Score(0, y))) - logZ;
        double actual = ConditionalRandomField.SpanLogProbability(Flatten(c.Emissions), 4, c.Transitions, c.Start, c.End, spanStart, spanTags);
        Assert.Equal(expected, actual, 10);
    }
}
