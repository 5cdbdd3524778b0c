namespace Explorer.App.Hosting;

/// <summary><c>--strict</c> on the command line: short for <c>--Explorer:StrictModels=true</c> (the configuration's
/// command-line reader only knows key=value pairs, and would take the next argument as the value).</summary>
public static class StrictSwitch
{
    public const string Name = "--strict";

    public static string[] Expand(string[] args) =>
        args.Select(a => a == Name ? $"--{ExplorerOptions.Section}:{nameof(ExplorerOptions.StrictModels)}=true" : a).ToArray();
}
