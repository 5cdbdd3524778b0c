namespace Explorer.App.Cli;

/// <summary>Default locations, relative to the repository root (found by walking up from the working directory),
/// so commands work from the root or from inside Explorer.App.</summary>
static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");
    public static string Runs => Path.Combine(Root, "runs");
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Interpret.Explorer.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
