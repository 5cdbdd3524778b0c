using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Interpret.Results;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Explorer.App.Tests;

/// <summary>The explorer over a models folder with the sentiment BiLSTM and a truncated copy of the ESIM (whose
/// size check fails before any weight is read), plus a user checkpoint whose folder does not exist.</summary>
public sealed class BrokenModelsFactory : WebApplicationFactory<Program>
{
    public const string Broken = "nli-snli-esim";
    public const string BrokenCheckpoint = "missing-bert";
    public string Models { get; } = BrokenModels.Create();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Explorer:ModelsPath", Models);
        builder.UseSetting("Explorer:Checkpoints:0:Id", BrokenCheckpoint);
        builder.UseSetting("Explorer:Checkpoints:0:Path", Path.Combine(Models, ".no-such-checkpoint"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Models)) Directory.Delete(Models, true);
    }
}

/// <summary>A temporary models folder: the shipped sentiment BiLSTM and the ESIM with its weights cut to 1,000 bytes.</summary>
static class BrokenModels
{
    public static string Create()
    {
        var models = Directory.CreateTempSubdirectory("broken-models-").FullName;
        foreach (var id in new[] { ExplorerFactory.Model, BrokenModelsFactory.Broken })
        {
            Directory.CreateDirectory(Path.Combine(models, id));
            foreach (var file in Directory.GetFiles(Path.Combine(ExplorerFactory.RepoModels, id)))
                File.Copy(file, Path.Combine(models, id, Path.GetFileName(file)));
        }
        using var weights = File.OpenWrite(Path.Combine(models, BrokenModelsFactory.Broken, "model.safetensors"));
        weights.SetLength(1000);
        return models;
    }
}

/// <summary>A broken model folder does not take the app down: it is listed as unavailable with its file and reason,
/// its routes answer 503 with that reason, the page shows it as a disabled entry, and the good model serves. In the
/// explorer collection, so its server never runs beside another test's (libtorch's thread count is process-wide).</summary>
[Collection(ExplorerCollection.Name)]
public sealed class BrokenModelTests(BrokenModelsFactory factory) : IClassFixture<BrokenModelsFactory>
{
    const string Reason = "size mismatch: 1000 bytes, manifest.json says 2623551";
    readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Models_lists_the_broken_folder_and_checkpoint_as_unavailable_and_the_good_model_as_before()
    {
        var response = await _client.GetAsync("/api/models");
        var models = await response.ReadAsync<List<ModelInfo>>();

        Assert.Equal([BrokenModelsFactory.BrokenCheckpoint, BrokenModelsFactory.Broken, ExplorerFactory.Model], models.Select(m => m.Id));
        Assert.Null(models.Single(m => m.Id == ExplorerFactory.Model).Unavailable);
        var broken = models.Single(m => m.Id == BrokenModelsFactory.Broken);
        Assert.Equal(new ModelLoadFailure(Path.Combine(factory.Models, BrokenModelsFactory.Broken), "model.safetensors", Reason), broken.Unavailable);
        Assert.Empty(broken.Methods);
        Assert.StartsWith("no such folder", models.Single(m => m.Id == BrokenModelsFactory.BrokenCheckpoint).Unavailable!.Reason);
        // A loaded model's entry has no "unavailable" member at all: clients that predate it read it as before.
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var good = json.RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetString() == ExplorerFactory.Model);
        Assert.False(good.TryGetProperty("unavailable", out _));
    }

    [Theory]
    [InlineData("predict", "{\"premise\": \"A man sleeps.\", \"hypothesis\": \"A man is awake.\"}")]
    [InlineData("interpret/simple-gradient", "{\"input\": {\"premise\": \"A man sleeps.\", \"hypothesis\": \"A man is awake.\"}}")]
    public async Task Requests_to_the_broken_model_get_503_naming_the_file_and_the_reason(string route, string body)
    {
        var response = await _client.PostAsync($"/api/models/{BrokenModelsFactory.Broken}/{route}", body);

        var detail = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains($"Model '{BrokenModelsFactory.Broken}' is unavailable", detail);
        Assert.Contains($"model.safetensors: {Reason}", detail);
    }

    [Fact]
    public async Task The_good_model_still_predicts()
    {
        var prediction = await (await _client.PostAsync(Api.Predict(), "{\"text\":\"a gorgeous, witty and deeply moving film.\"}")).ReadAsync<Prediction>();

        Assert.Equal("positive", prediction.Label);
    }

    [Fact]
    public async Task The_page_names_each_unavailable_model_and_its_reason_in_words()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("id=\"unavailable-models\"", html);
        Assert.Contains("2 models are unavailable (failed to load):", html);
        Assert.Contains($"<li data-model=\"{BrokenModelsFactory.Broken}\"><strong>{BrokenModelsFactory.Broken}</strong>: model.safetensors: {Reason}</li>", html);
        Assert.Contains($"value=\"{ExplorerFactory.Model}\"", html);
    }

    /// <summary>Strict mode as CI runs it: the real app process stops at once with exit code 1 and one line naming
    /// folder, file and reason; before, an unhandled exception made the runtime abort (SIGABRT, exit 134).</summary>
    [Fact]
    public async Task Strict_mode_stops_the_start_with_exit_code_1_and_the_reason_not_an_abort()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Explorer.App.dll"), "--strict", $"--Explorer:ModelsPath={factory.Models}", "--urls=http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var error = app.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await app.WaitForExitAsync(timeout.Token); }
        finally { if (!app.HasExited) app.Kill(entireProcessTree: true); }
        var log = await output + await error;

        Assert.True(app.ExitCode == 1, $"exit code {app.ExitCode}: {log}");
        Assert.Contains($"{Path.Combine(factory.Models, BrokenModelsFactory.Broken, "model.safetensors")}: {Reason}", log);
        Assert.DoesNotContain("Unhandled exception", log);
    }
}
