namespace Interpret.Core.Methods;

/// <summary>
/// Keeps a second batch run from writing the same output file: an exclusive handle on "&lt;output&gt;.lock". The OS
/// drops the handle when the process ends, however it ends, so a lock file left behind by kill -9 is taken over by
/// the next run; the file itself is deleted on a normal close.
/// </summary>
public sealed class OutputLock : IDisposable
{
    readonly FileStream _handle;

    OutputLock(FileStream handle) => _handle = handle;

    public static string PathFor(string outputPath) => outputPath + ".lock";

    /// <summary>Takes the lock or throws <see cref="OutputLockedException"/> when another run holds it.</summary>
    public static OutputLock Take(string outputPath)
    {
        var path = PathFor(outputPath);
        try
        {
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutputLockedException($"Another run is writing {outputPath} (lock file {path}); wait for it to finish or stop it first.");
        }
    }

    public void Dispose() => _handle.Dispose();
}

public sealed class OutputLockedException(string message) : Exception(message);
