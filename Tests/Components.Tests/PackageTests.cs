using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Interpret.Components.Tests;

/// <summary>`dotnet pack` makes the two packages other teams take: the records and the components, with symbols, one
/// version, a readme and a licence, the scoped CSS bundle as a static web asset, and no dependency on torch or Core.
/// Packs the solution build's Debug output (--no-build), so it costs seconds, not a build.</summary>
public class PackageTests
{
    static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Interpret.Explorer.sln not found above " + AppContext.BaseDirectory);
    }

    static readonly Lazy<string> Feed = new(() =>
    {
        var feed = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"interpret-pack-{Guid.NewGuid():N}")).FullName;
        foreach (var project in new[] { "Interpret.Results/Interpret.Results.csproj", "Components/Components.csproj" })
        {
            var pack = Process.Start(new ProcessStartInfo("dotnet", ["pack", Path.Combine(Root(), project), "--no-build", "-c", "Debug", "-o", feed])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = pack.StandardOutput.ReadToEndAsync();
            var errors = pack.StandardError.ReadToEnd();
            Assert.True(pack.WaitForExit(TimeSpan.FromMinutes(3)), "dotnet pack did not finish in 3 minutes");
            Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed:\n{output.Result}\n{errors}");
        }
        return feed;
    });

    static XElement Metadata(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    [Theory]
    [InlineData("Interpret.Results")]
    [InlineData("Interpret.Components")]
    public void Each_package_has_its_id_version_licence_readme_and_symbols(string id)
    {
        var path = Path.Combine(Feed.Value, $"{id}.0.1.0.nupkg");
        Assert.True(File.Exists(Path.ChangeExtension(path, ".snupkg")), "no symbols package");
        using var package = ZipFile.OpenRead(path);
        var metadata = Metadata(package);
        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Contains(package.Entries, e => e.FullName == $"lib/net10.0/{id}.dll");
        if (id == "Interpret.Components")
        {
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.Contains(package.Entries, e => e.FullName == "README.md");
        }
    }

    [Fact]
    public void The_components_depend_on_the_records_MudBlazor_and_Plotly_only_and_carry_their_css()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed.Value, "Interpret.Components.0.1.0.nupkg"));
        var dependencies = Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).Order().ToList();
        Assert.Equal(["Interpret.Results", "MudBlazor", "Plotly.Blazor"], dependencies);
        Assert.Contains(package.Entries, e => e.FullName.StartsWith("staticwebassets/", StringComparison.Ordinal)
                                              && e.FullName.EndsWith(".bundle.scp.css", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Entries, e => e.FullName.Contains("torch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_records_package_depends_on_nothing()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed.Value, "Interpret.Results.0.1.0.nupkg"));
        Assert.DoesNotContain(Metadata(package).Descendants(), e => e.Name.LocalName == "dependency");
    }
}
