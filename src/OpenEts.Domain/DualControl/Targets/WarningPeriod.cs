using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// A 晴雨表 round: the months from January to <see cref="Months"/> of <see cref="Year"/> (Q1 = 3, Jan–Apr = 4, H1 = 6,
/// Jan–Jul = 7 … the year = 12). Written <c>2026-Q1</c>, <c>2026-H1</c>, <c>2026-M4</c> (Jan–Apr), <c>2026-Q3</c>
/// (Jan–Sep) or <c>2026</c> (the year).
/// </summary>
/// <remarks><c>default</c> (year 0) is not a valid period.</remarks>
public readonly record struct WarningPeriod
{
    private WarningPeriod(int year, int months)
    {
        Year = year;
        Months = months;
    }

    public int Year { get; }

    /// <summary>January to this month, 1–12.</summary>
    public int Months { get; }

    /// <summary>The share of the year elapsed, months ÷ 12 (the linear path's fraction).</summary>
    public decimal YearFraction => Months / 12m;

    /// <summary>Trusted data; throws out of range.</summary>
    public static WarningPeriod Of(int year, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, 12);
        return new WarningPeriod(year, months);
    }

    /// <summary>Reads <c>2026-Q1</c>, <c>2026-H1</c>, <c>2026-M4</c>, <c>2026-Q3</c> or <c>2026</c>.</summary>
    public static bool TryParse(string? text, out WarningPeriod period, [NotNullWhen(false)] out string? reason)
    {
        period = default;
        reason = "a period is YYYY-Q1…Q4, YYYY-H1/H2, YYYY-M1…M12 (January to that month) or YYYY";
        var t = text?.Trim().ToUpperInvariant() ?? "";
        var parts = t.Split('-', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }
        int months;
        if (parts.Length == 1)
        {
            months = 12;
        }
        else if (parts[1].Length >= 2 && int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            months = (parts[1][0], n) switch
            {
                ('Q', >= 1 and <= 4) => n * 3,
                ('H', >= 1 and <= 2) => n * 6,
                ('M', >= 1 and <= 12) => n,
                _ => 0,
            };
        }
        else
        {
            return false;
        }
        if (months == 0)
        {
            return false;
        }
        period = new WarningPeriod(year, months);
        reason = null;
        return true;
    }

    /// <summary>The same months of the year before (the intensity comparison's base).</summary>
    public WarningPeriod YearBefore => new(Year - 1, Months);

    public override string ToString() => Months switch
    {
        12 => Year.ToString(CultureInfo.InvariantCulture),
        6 => $"{Year}-H1",
        3 or 9 => $"{Year}-Q{Months / 3}",
        _ => $"{Year}-M{Months}",
    };
}
