using Interpret.Core.Methods;
using Interpret.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Explorer.App.Tests;

/// <summary>The explorer with two torch workers (one libtorch thread each), as a host with more cores runs it.</summary>
public sealed class TwoWorkerFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Explorer:Workers", "2");
        builder.UseSetting("Explorer:ThreadsPerWorker", "1");
        builder.UseSetting("Explorer:QueueCapacity", "64");
    }
}

/// <summary>40 concurrent API requests on two workers, two models and one model shared by both workers: no error, and
/// every score equal to the one the same request gets alone. In the explorer collection, so no other test's server
/// changes libtorch's process-wide thread count between the serial and the concurrent answers.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class TwoWorkerTests(TwoWorkerFactory factory) : IClassFixture<TwoWorkerFactory>
{
    static readonly string[] Texts =
    [
        "an unflinching, beautifully acted portrait of a family coming apart.",
        "dull.",
        "it is not a bad film, and the acting is wonderful, though the plot wanders.",
        "a tedious, overlong and pointless sequel.",
    ];

    static readonly (string Premise, string Hypothesis)[] Pairs =
    [
        ("A man is playing a guitar on a crowded stage.", "A person is performing music."),
        ("Two dogs run through a snowy field.", "The animals are asleep indoors."),
    ];

    static (string Url, string Body) Request(int i) => i % 2 == 0
        ? (Api.Interpret(MethodNames.IntegratedGradient), Api.Request(Texts[i / 2 % Texts.Length], "{\"steps\": 8}"))
        : (Api.Interpret(MethodNames.SimpleGradient, "nli-snli-esim"),
           $"{{\"input\":{{\"premise\":\"{Pairs[i / 2 % Pairs.Length].Premise}\",\"hypothesis\":\"{Pairs[i / 2 % Pairs.Length].Hypothesis}\"}}}}");

    static double[] Scores(Interpretation result) => [.. result.Instances.SelectMany(i => i.Fields).SelectMany(f => f.Raw)];

    [Fact]
    public async Task Concurrent_requests_on_two_workers_match_the_serial_answers()
    {
        var client = factory.CreateClient();
        var serial = new Dictionary<int, double[]>();
        for (int i = 0; i < 8; i++)
        {
            var (url, body) = Request(i);
            serial[i] = Scores(await (await client.PostAsync(url, body)).ReadAsync<Interpretation>());
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var (url, body) = Request(i);
            return (Key: i % 8, Scores: Scores(await (await client.PostAsync(url, body)).ReadAsync<Interpretation>()));
        }));

        Assert.All(concurrent, c => Assert.Equal(serial[c.Key], c.Scores));
    }
}
