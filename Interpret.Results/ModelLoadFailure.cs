namespace Interpret.Results;

/// <summary>Why a model folder (or a user's checkpoint) could not be loaded: the folder, the file at fault when one
/// is (null when the failure is not about one file) and the reason, e.g. "size mismatch: …", "unreadable JSON at
/// line 12: …", "missing file", "no manifest.json".</summary>
public sealed record ModelLoadFailure(string Folder, string? File, string Reason)
{
    /// <summary>"folder: file: reason", one line for logs and error messages.</summary>
    public string Message => File is null ? $"{Folder}: {Reason}" : $"{Path.Combine(Folder, File)}: {Reason}";
}
