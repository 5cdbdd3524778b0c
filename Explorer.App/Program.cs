using Explorer.App.Cli;
using Explorer.App.Hosting;

if (CommandLine.IsCommand(args)) return CommandLine.Run(args);

// Without a command: serve the explorer (Blazor Server UI) and the HTTP JSON API.
var builder = WebApplication.CreateBuilder(AppPaths.WebApplicationOptions(StrictSwitch.Expand(args))).UseBuildOutputAssets();
builder.Services
    .AddExplorerModels(builder.Configuration)
    .AddExplorerAuth(builder.Configuration)
    .AddExplorerApi(builder.Configuration)
    .AddExplorerOpenApi()
    .AddExplorerUi(builder.Configuration)
    .AddExplorerTelemetry(builder.Configuration)
    .AddReverseProxy(builder.Configuration);

var app = builder.Build();
if (!app.AuthIsConfigured() || !app.TryLoadModels())
{
    await app.DisposeAsync(); // flushes the console log, which writes from a background thread
    return 1;
}
app.WarnAboutExposure()
    .UseExplorerPipeline()
    .MapExplorerEndpoints();
app.Run();
return 0;
