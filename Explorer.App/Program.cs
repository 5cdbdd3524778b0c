using Explorer.App.Cli;
using Explorer.App.Hosting;

if (CommandLine.IsCommand(args)) return CommandLine.Run(args);

// Without a command: serve the explorer (Blazor Server UI) and the HTTP JSON API.
var builder = WebApplication.CreateBuilder(AppPaths.WebApplicationOptions(args)).UseBuildOutputAssets();
builder.Services
    .AddExplorerModels(builder.Configuration)
    .AddExplorerApi(builder.Configuration)
    .AddExplorerUi(builder.Configuration);

var app = builder.Build();
app.LoadModels()
    .WarnAboutExposure()
    .UseExplorerPipeline()
    .MapExplorerEndpoints();
app.Run();
return 0;
