using Microsoft.AspNetCore.Hosting;

namespace Explorer.App.Hosting;

/// <summary>Where the app finds its files. The build and publish copy wwwroot/ and models/ from the repository root
/// next to the app (see Explorer.App.csproj), so everything is located from the app's own folder: `dotnet run` from
/// any directory and a publish folder started from anywhere behave the same.</summary>
public static class AppPaths
{
    public static string BaseDirectory => AppContext.BaseDirectory;
    public static string WebRoot => Path.Combine(BaseDirectory, "wwwroot");
    public static string Models => Path.Combine(BaseDirectory, "models");

    public static WebApplicationOptions WebApplicationOptions(string[] args) => new()
    {
        Args = args,
        // appsettings.json is copied next to the app too. A content root given explicitly (--contentRoot,
        // ASPNETCORE_CONTENTROOT; WebApplicationFactory passes one) wins, because changing it later is not allowed.
        ContentRootPath = ContentRootGiven(args) ? null : BaseDirectory,
        WebRootPath = WebRoot,
    };

    static bool ContentRootGiven(string[] args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build();
        return !string.IsNullOrEmpty(given[WebHostDefaults.ContentRootKey]);
    }
}
