using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Explorer.App.Tests;

/// <summary>One in-process explorer (models loaded, torch worker running) shared by every test in the collection.
/// Besides the shipped models it lists the tiny-bert fixture (a random-weight BertForMaskedLM with the bert-base
/// vocabulary) as a user checkpoint, configured the way users do it (<c>Explorer:Checkpoints</c>), so the transformer
/// routes run without waiting for a trained model.</summary>
public sealed class ExplorerFactory : WebApplicationFactory<Program>
{
    public const string Model = "sentiment-sst2-bilstm";
    public const string BertModel = "tiny-bert";
    public const string PathBase = "/interpret";

    /// <summary>../shared/fixtures/tiny-bert beside the clone.</summary>
    public static string TinyBertFolder => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "fixtures", "tiny-bert"));

    /// <summary>The repository's models/ (the shipped model folders).</summary>
    public static string RepoModels => Path.Combine(RepoRoot(), "models");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Explorer:Checkpoints:0:Id", BertModel);
        builder.UseSetting("Explorer:Checkpoints:0:Path", TinyBertFolder);
        // As behind a proxy that keeps the prefix; requests without it still reach the app at the root.
        builder.UseSetting("Explorer:PathBase", PathBase);
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Interpret.Explorer.sln above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFactory>
{
    public const string Name = "explorer";
}
