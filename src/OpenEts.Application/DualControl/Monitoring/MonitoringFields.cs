using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Quantities;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>Reading monitoring's typed fields: days (yyyy-MM-dd), months (yyyy-MM) and times (ISO 8601 with offset).</summary>
public static class MonitoringFields
{
    /// <summary>A month as yyyy-MM (its first day), or a Month error.</summary>
    public static DateOnly Month(this FieldReader read, string? text, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        read.Fail(field, "Month", $"{field} is a month such as 2026-11");
        return default;
    }

    /// <summary>A meter's permitted daily use: above 0, exact to 0.001 of the meter's unit; or a Range error naming the field.</summary>
    public static MeterQuantity DailyLimit(this FieldReader read, decimal? value, string field)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (value is not { } v || v <= 0m || !MeterQuantity.TryCreate(v, out var limit, out _))
        {
            read.Fail(field, "Range", $"{field} is the permitted use per day in the meter's unit, above 0 and exact to 0.001");
            return MeterQuantity.Zero;
        }
        return limit;
    }

    /// <summary>The month as yyyyMM (storage and rollups).</summary>
    public static int MonthKey(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>The first day of the month of a yyyyMM key.</summary>
    public static DateOnly FromMonthKey(int key) => new(key / 100, key % 100, 1);
}
