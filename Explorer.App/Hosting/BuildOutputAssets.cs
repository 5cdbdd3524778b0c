namespace Explorer.App.Hosting;

/// <summary>Static web assets (_content/*, _framework/*, the scoped CSS bundle) of a build output live in the package
/// cache and obj/, listed by a runtime manifest next to the app. ASP.NET reads that manifest only in Development, so
/// the built app started in another environment answered them with HTTP 500. A publish folder has no such manifest
/// (it carries the files) and is left alone.</summary>
public static class BuildOutputAssets
{
    public static WebApplicationBuilder UseBuildOutputAssets(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppPaths.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(manifest))
            builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
