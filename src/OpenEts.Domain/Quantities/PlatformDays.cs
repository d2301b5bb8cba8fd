using System.Globalization;

namespace OpenEts.Domain.Quantities;

/// <summary>
/// The days the platform reads or writes, in every module: 2000-01-01 to 2099-12-31 (the <c>DateRange</c> rule). Before
/// China's first carbon markets (2013), and far from <see cref="DateOnly.MinValue"/>, whose Beijing midnight is before
/// the first instant .NET can hold; the last day's next day must still be a date.
/// </summary>
public static class PlatformDays
{
    /// <summary>The first day the platform reads or writes, 2000-01-01.</summary>
    public static readonly DateOnly First = new(2000, 1, 1);

    /// <summary>The last day the platform reads or writes, 2099-12-31.</summary>
    public static readonly DateOnly Last = new(2099, 12, 31);

    /// <summary>Whether <paramref name="day"/> is from <see cref="First"/> to <see cref="Last"/>.</summary>
    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>The <c>DateRange</c> rule's message for <paramref name="field"/>: "from: a date from 2000-01-01 to 2099-12-31".</summary>
    public static string RangeText(string field) => string.Create(CultureInfo.InvariantCulture,
        $"{field}: a date from {First:yyyy-MM-dd} to {Last:yyyy-MM-dd}");
}
