using System.Runtime.InteropServices;

namespace ComplaintCloud.Api.Hosting;

/// <summary>
/// Hands the free memory of glibc's heaps back to the system every half minute. glibc keeps what native code frees
/// (the JIT's working memory above all, while methods move up their tiers under load) mapped for reuse: after the
/// 1,000-tenant load run, one <c>malloc_trim</c> took the service from 341 to 268 MB (docs/load.md). Off Linux, or on
/// a C library without <c>malloc_trim</c> (musl), it does nothing.
/// </summary>
internal sealed class NativeMemoryTrimmer(ILogger<NativeMemoryTrimmer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!TryTrim())
            {
                logger.LogInformation("The C library has no malloc_trim: native memory is left to it.");
                return;
            }
        }
    }

    /// <summary>Returns free heap pages to the system; false where the C library has no <c>malloc_trim</c>.</summary>
    public static bool TryTrim()
    {
        try
        {
            // 1 when it released something, 0 when there was nothing to release: either is fine here.
            _ = MallocTrim(0);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport, whose generated code needs the project to allow unsafe code: an int and a
    // size_t need no marshalling.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
