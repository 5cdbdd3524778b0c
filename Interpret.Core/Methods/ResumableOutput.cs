using System.Text;
using System.Text.Json;

namespace Interpret.Core.Methods;

/// <summary>
/// Batch mode's output file, opened so that a stopped run can go on where it stopped. Each finished input line is
/// one complete output line: it ends with '\n' and parses as JSON. On open, the file keeps its longest run of
/// complete lines from the start; anything after them (a line cut off by kill -9) is truncated and redone.
/// With <c>overwrite</c> the file starts empty. Each line is flushed to the OS as it is written, so finished work
/// survives the process being killed.
/// </summary>
public sealed class ResumableOutput : IDisposable
{
    readonly FileStream _file;

    ResumableOutput(FileStream file, int completeLines, int failedLines)
    {
        _file = file;
        CompleteLines = completeLines;
        FailedLines = failedLines;
        Writer = new StreamWriter(file, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Output lines kept from an earlier run (0 for a new or overwritten file).</summary>
    public int CompleteLines { get; }

    /// <summary>Kept lines that are error lines: input lines the earlier run could not process.</summary>
    public int FailedLines { get; }

    /// <summary>Appends after the kept lines; flushes after every write.</summary>
    public TextWriter Writer { get; }

    public static ResumableOutput Open(string path, bool overwrite)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (lines, failed, length) = overwrite ? (0, 0, 0L) : CompletePrefix(file);
            file.SetLength(length);
            file.Seek(length, SeekOrigin.Begin);
            return new ResumableOutput(file, lines, failed);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>How many complete lines the file starts with, how many of them are error lines, and their length in bytes.</summary>
    static (int Lines, int Failed, long Bytes) CompletePrefix(Stream file)
    {
        file.Seek(0, SeekOrigin.Begin);
        int lines = 0, failed = 0;
        long kept = 0, position = 0;
        var line = new MemoryStream();
        int b;
        var buffered = new BufferedStream(file, 1 << 16);
        while ((b = buffered.ReadByte()) >= 0)
        {
            position++;
            if (b != '\n')
            {
                line.WriteByte((byte)b);
                continue;
            }
            var isError = IsErrorLine(line.GetBuffer().AsMemory(0, (int)line.Length));
            if (isError is null) break;
            lines++;
            if (isError.Value) failed++;
            kept = position;
            line.SetLength(0);
        }
        return (lines, failed, kept);
    }

    /// <summary>Null when the bytes are not JSON (an incomplete line); otherwise whether they are an error line.</summary>
    static bool? IsErrorLine(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var line = JsonDocument.Parse(utf8);
            return line.RootElement.ValueKind == JsonValueKind.Object && line.RootElement.TryGetProperty("error", out _);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Writer.Dispose();
        _file.Dispose();
    }
}
