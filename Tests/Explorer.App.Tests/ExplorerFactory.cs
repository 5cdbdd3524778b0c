using Microsoft.AspNetCore.Mvc.Testing;

namespace Explorer.App.Tests;

/// <summary>One in-process explorer (models loaded, torch worker running) shared by every test in the collection.</summary>
public sealed class ExplorerFactory : WebApplicationFactory<Program>
{
    public const string Model = "sentiment-sst2-bilstm";
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFactory>
{
    public const string Name = "explorer";
}
