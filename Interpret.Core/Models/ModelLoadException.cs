using Interpret.Results;

namespace Interpret.Core.Models;

/// <summary>A model folder or checkpoint that cannot be loaded; <see cref="Failure"/> names the folder, the file and
/// the reason; the message is <see cref="ModelLoadFailure.Message"/>.</summary>
public sealed class ModelLoadException(ModelLoadFailure failure, Exception? inner = null) : Exception(failure.Message, inner)
{
    public ModelLoadFailure Failure { get; } = failure;

    public ModelLoadException(string folder, string? file, string reason, Exception? inner = null)
        : this(new ModelLoadFailure(folder, file, reason), inner) { }

    /// <summary>Any exception out of loading <paramref name="folder"/> as a load failure: a missing file keeps its
    /// name; anything else (a vocabulary that does not parse, a tensor libtorch refuses) keeps the first line of its
    /// message, so one line tells what broke.</summary>
    public static ModelLoadException From(string folder, Exception e) => e switch
    {
        ModelLoadException known => known,
        FileNotFoundException { FileName: { } path } => new(folder, Path.GetRelativePath(folder, path), "missing file", e),
        DirectoryNotFoundException => new(folder, null, $"no such folder ({FirstLine(e.Message)})", e),
        _ => new(folder, null, FirstLine(e.Message), e),
    };

    static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
