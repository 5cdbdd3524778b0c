using static TorchSharp.torch;

namespace Interpret.Core.Tests.Torch;

public class LibTorchLoadsTests
{
    [Fact]
    public void NativeLibraryLoadsAndComputes()
    {
        // On Debian 12 this throws DllNotFoundException unless the build marked GLIBCXX_3.4.32 weak.
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = a * 2;
        Assert.Equal(new float[] { 2, 4, 6 }, b.data<float>().ToArray());
    }
}
