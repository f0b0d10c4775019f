using System.Globalization;
using System.Runtime.InteropServices;
using ComplaintCloud.Api.Hosting;

namespace ComplaintCloud.Api.Tests.Hosting;

public sealed class NativeMemoryTrimmerShould
{
    private const int BlockSize = 4096;
    private const int Blocks = 65_536;
    private const int KeptEvery = 64;

    // 256 MB taken from the C library's heap in small blocks, and all freed but every 64th, so that neither the heap's
    // top nor a whole block of pages can go back by itself: glibc keeps that memory until asked.
    [Fact]
    public void GiveWhatNativeCodeFreedBackToTheSystem()
    {
        var content = Enumerable.Repeat((byte)1, BlockSize).ToArray();
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockSize);
            Marshal.Copy(content, 0, blocks[i], BlockSize);
        }

        try
        {
            for (var i = 0; i < Blocks; i++)
            {
                if (i % KeptEvery != 0)
                {
                    Marshal.FreeHGlobal(blocks[i]);
                    blocks[i] = 0;
                }
            }

            var before = ResidentKilobytes();
            Assert.True(NativeMemoryTrimmer.TryTrim());
            var returned = before - ResidentKilobytes();

            Assert.True(returned > 128 * 1024, $"Trimming returned {returned} kB of the 252 MB freed.");
        }
        finally
        {
            foreach (var block in blocks.Where(block => block != 0))
            {
                Marshal.FreeHGlobal(block);
            }
        }
    }

    private static long ResidentKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(line => line.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
