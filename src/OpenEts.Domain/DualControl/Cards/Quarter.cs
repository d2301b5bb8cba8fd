using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.DualControl.Cards;

/// <summary>A calendar quarter (季度), the period of the public card lists. <c>default</c> is not a valid quarter.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    private Quarter(int year, int number) => (Year, Number) = (year, number);

    /// <summary>The year, 2000–2100.</summary>
    public int Year { get; }

    /// <summary>The quarter of the year, 1–4.</summary>
    public int Number { get; }

    /// <summary>The first day.</summary>
    public DateOnly Start => new(Year, (Number * 3) - 2, 1);

    /// <summary>The last day.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>The quarter before.</summary>
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public static Quarter From(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2100);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        return new Quarter(year, number);
    }

    /// <summary>Reads <c>2026Q3</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Quarter? quarter, out string reason)
    {
        quarter = null;
        var t = text?.Trim().ToUpperInvariant() ?? "";
        if (t.Length == 6 && t[4] == 'Q' && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 2100 && t[5] is >= '1' and <= '4')
        {
            quarter = new Quarter(year, t[5] - '0');
            reason = "";
            return true;
        }
        reason = "a quarter is written like 2026Q3 (year 2000–2100, quarter 1–4)";
        return false;
    }

    /// <summary>The day by which the quarter's list must be published: <paramref name="months"/> after the quarter's end.</summary>
    public DateOnly PublishBy(int months) => End.AddDays(1).AddMonths(months).AddDays(-1);

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;

    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;

    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
