using Interpret.Core.Methods;

namespace Interpret.Core.Tests.Methods;

public sealed class BatchOutputLockTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("batch-lock-").FullName;

    string Output => Path.Combine(_folder, "out.jsonl");

    [Fact]
    public void A_second_writer_of_the_same_output_is_refused_with_the_lock_file_named()
    {
        using var first = OutputLock.Take(Output);

        var error = Assert.Throws<OutputLockedException>(() => OutputLock.Take(Output));

        Assert.Contains($"Another run is writing {Output}", error.Message);
        Assert.Contains(OutputLock.PathFor(Output), error.Message);
    }

    [Fact]
    public void The_lock_is_free_again_and_its_file_gone_once_released()
    {
        OutputLock.Take(Output).Dispose();

        Assert.False(File.Exists(OutputLock.PathFor(Output)));
        using var again = OutputLock.Take(Output);
    }

    [Fact]
    public void A_lock_file_left_by_a_killed_run_does_not_block_the_next_run()
    {
        File.WriteAllText(OutputLock.PathFor(Output), ""); // kill -9 leaves the file but no open handle

        using var taken = OutputLock.Take(Output);

        Assert.Throws<OutputLockedException>(() => OutputLock.Take(Output));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
