using System.Text.Json;
using Interpret.Core.Methods;
using Interpret.Core.Tests.Fixtures;
using Interpret.Results;

namespace Interpret.Core.Tests.Methods;

public class BatchRunnerTests
{
    [Fact]
    public void EveryLineGetsAResultOrAClearErrorAndTheRunGoesOn()
    {
        using var predictor = TinyModels.BiLstm();
        string[] lines =
        [
            "{\"text\": \"a fun movie\"}",
            "{\"input\": {\"text\": \"the plot was boring\"}, \"options\": {\"steps\": 4}}",
            "",
            "{\"text\": \"\"}",
            "not json",
            "{\"input\": {\"text\": \"fine\"}, \"options\": {\"steps\": 0}}",
            "{\"text\": \"the acting was great\"}",
        ];
        var output = new StringWriter();
        var failed = new List<ErrorLine>();
        var summary = BatchRunner.Run(predictor, "integrated-gradient", lines, output, new MethodOptions { Rule = "trapezoid" }, lineFailed: failed.Add);

        Assert.Equal(new BatchRunner.Summary(3, 3), summary);
        Assert.Equal([4, 5, 6], failed.Select(f => f.Line));
        var written = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, written.Length);
        var first = JsonSerializer.Deserialize<Interpretation>(written[0], ResultJson.Options)!;
        Assert.Equal("trapezoid", first.Options.Rule); // the command's default options apply
        Assert.Equal(10, first.Options.Steps);
        var second = JsonSerializer.Deserialize<Interpretation>(written[1], ResultJson.Options)!;
        Assert.Equal(4, second.Options.Steps);         // a line's own options win
        Assert.True(second.Complete);
        Assert.Contains("empty", JsonSerializer.Deserialize<ErrorLine>(written[2], ResultJson.Options)!.Error);
        Assert.Contains("Malformed JSON", written[3]);
        Assert.Contains("Steps must be", written[4]);
        Assert.Equal(["the", "acting", "was", "great"], JsonSerializer.Deserialize<Interpretation>(written[5], ResultJson.Options)!
            .Instances[0].Fields[0].Tokens.Select(t => t.Text));
    }
}
