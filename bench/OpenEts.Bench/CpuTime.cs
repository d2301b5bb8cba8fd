using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenEts.Bench;

/// <summary>
/// The process's CPU time to the nanosecond on Linux (clock_gettime CLOCK_PROCESS_CPUTIME_ID), where
/// <see cref="Process.TotalProcessorTime"/> counts in 10 ms ticks; elsewhere that coarser figure. On a loaded machine
/// CPU time is the figure to compare: wall time there mostly measures waiting for a core.
/// </summary>
internal static class CpuTime
{
    private const int ProcessCpuTimeId = 2;

    public static double ProcessMilliseconds()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.clock_gettime(ProcessCpuTimeId, out var t) == 0)
        {
            return (t.Seconds * 1_000d) + (t.Nanoseconds / 1_000_000d);
        }
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
