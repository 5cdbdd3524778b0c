namespace Interpret.Core.Tests.Fixtures;

/// <summary>Paths of committed files and of ../shared, found by walking up from the test binary.
/// A missing file is a test failure (CI has ../shared beside the clone), never a skip.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();
    public static string Models => Path.Combine(Root, "models");
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Interpret.Explorer.sln not found above " + AppContext.BaseDirectory);
    }
}
