using Explorer.App.Cli;

if (CommandLine.IsCommand(args)) return CommandLine.Run(args);

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Interpret Explorer");
app.Run();
return 0;
