using Interpret.Core.Gradients;
using Interpret.Core.Models;
using Interpret.Core.Predictors;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Gradients;

/// <summary>Several threads taking gradients on one model at once (the server with Workers &gt; 1) each get exactly
/// the gradients a lone thread gets: the embedder's capture belongs to the calling thread.</summary>
public class ConcurrentCaptureTests
{
    static readonly string[] Sentences =
    [
        "A moving, beautifully acted and funny film.",
        "A dull, lifeless and badly written mess.",
        "It is not a bad film, and the acting is wonderful.",
        "The plot drags.",
        "Never have I seen a more tedious, overlong and pointless sequel to a film nobody asked for in the first place.",
        "Great.",
    ];

    static double[] Flatten(GradientBatch batch) =>
        [.. batch.Objective, .. batch.Fields.SelectMany(r => r).SelectMany(f => f.Gradient.Concat(f.Embedding))];

    [Fact]
    public void Two_threads_on_one_model_get_the_serial_gradients_bit_for_bit()
    {
        using var predictor = ModelFolder.Load(Path.Combine(RepositoryFiles.Models, "sentiment-sst2-bilstm"));
        var labeled = Sentences.Select(s =>
        {
            var input = predictor.Tokenize(new Dictionary<string, string> { ["text"] = s });
            return predictor.PredictionsToLabeledInstances(input, predictor.Predict(input))[0];
        }).ToList();
        // Batches of different lengths and sizes, so crossed captures would show as wrong shapes or values.
        var jobs = Enumerable.Range(0, labeled.Count).Select(i => (IReadOnlyList<LabeledInstance>)labeled.Skip(i).Take(1 + i % 3).ToList()).ToList();
        EmbeddingTransform scale = (_, e) => e * 0.5;
        var serial = jobs.Select(j => Flatten(predictor.GetGradients(j, Objective.Loss))).ToList();
        var serialScaled = jobs.Select(j => Flatten(predictor.GetGradients(j, Objective.Loss, scale))).ToList();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(2);
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 10; round++)
                for (int k = 0; k < jobs.Count; k++)
                {
                    int j = t == 0 ? k : jobs.Count - 1 - k;
                    try
                    {
                        bool scaled = (round + t) % 2 == 1;
                        var got = Flatten(predictor.GetGradients(jobs[j], Objective.Loss, scaled ? scale : null));
                        if (!got.SequenceEqual(scaled ? serialScaled[j] : serial[j])) failures.Add($"thread {t}, round {round}, job {j}: values differ");
                    }
                    catch (Exception e) { failures.Add($"thread {t}, round {round}, job {j}: {e.GetType().Name} {e.Message}"); }
                }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(8)));
    }
}
