using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace OpenEts.Server.Localization;

/// <summary>
/// Times as people in the market read them: in the platform's zone (Asia/Shanghai, Beijing time, by default;
/// <c>--time-zone</c> or <c>OPENETS_TIME_ZONE</c> to change it), with the offset written after every time so that no
/// one mistakes UTC for Beijing time. Storage and the API keep UTC with its offset.
/// </summary>
public static class DisplayTime
{
    /// <summary>The zone used when none is configured.</summary>
    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>The zone times are shown in.</summary>
    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    /// <summary>Sets the zone from its IANA id; throws with the id when the machine does not know it.</summary>
    public static void Configure(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return;
        }
        try
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId.Trim());
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"Unknown time zone '{zoneId}' (--time-zone): give an IANA id such as Asia/Shanghai.", e);
        }
    }

    /// <summary><c>2026-11-30 09:00:00 (UTC+8)</c>, or without seconds.</summary>
    public static string Show(DateTimeOffset at, bool seconds = true)
    {
        var (day, time) = Parts(at, seconds);
        return day + " " + time;
    }

    /// <summary>
    /// A time for a spreadsheet's cell in the platform's zone with its offset, <c>2026-11-30 09:00:00 +08:00</c>: one zone
    /// down a column, whatever offset each event was stored with (the demo's at +08:00, live ones at UTC).
    /// </summary>
    public static string Cell(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The day and the time with its offset as two unbreakable pieces, so that a narrow column puts the day over the time
    /// and a wide one keeps them on one line: <c>&lt;span class="nowrap"&gt;2026-11-30&lt;/span&gt; &lt;span class="nowrap"&gt;09:00 (UTC+8)&lt;/span&gt;</c>.
    /// </summary>
    public static IHtmlContent DayOverTime(DateTimeOffset at, bool seconds = true)
    {
        var (day, time) = Parts(at, seconds);
        return new HtmlString($"<span class=\"nowrap\">{day}</span> <span class=\"nowrap\">{time}</span>");
    }

    // The day (2026-11-30) and the time with its offset (09:00 (UTC+8)), digits and ASCII only.
    private static (string Day, string Time) Parts(DateTimeOffset at, bool seconds)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var offset = local.Offset;
        var label = offset.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}")
            : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture) + " (" + label + ")");
    }
}
