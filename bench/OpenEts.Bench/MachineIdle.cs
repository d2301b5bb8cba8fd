using System.Globalization;

namespace OpenEts.Bench;

/// <summary>
/// The machine's idle CPU between two readings of <c>/proc/stat</c> (idle and I/O wait over all time counted), so that a
/// run can say whether its rate was bound by a busy machine or by something serial that left cores free. Elsewhere: not
/// available (null).
/// </summary>
internal readonly record struct MachineIdle(long Idle, long Total)
{
    public static MachineIdle? Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user already)
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new MachineIdle(ticks[3] + ticks[4], ticks.Sum());
    }

    /// <summary>The idle share of all cores since <paramref name="before"/>, in per cent, or "n/a".</summary>
    public static string Since(MachineIdle? before)
    {
        if (before is not { } b || Read() is not { } now || now.Total == b.Total)
        {
            return "n/a";
        }
        return string.Create(CultureInfo.InvariantCulture, $"{100.0 * (now.Idle - b.Idle) / (now.Total - b.Total):F0} %");
    }
}
