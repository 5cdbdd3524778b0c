namespace Interpret.Core.Training;

/// <summary>Where training reports progress: one line per event, also appended to the run's log file.</summary>
public sealed class TrainingLog(string? path)
{
    public void Write(string message)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss} {message}";
        Console.WriteLine(line);
        if (path is not null) File.AppendAllText(path, line + Environment.NewLine);
    }
}
