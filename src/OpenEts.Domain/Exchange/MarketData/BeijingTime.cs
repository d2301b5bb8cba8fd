using OpenEts.Domain.Quantities;

namespace OpenEts.Domain.Exchange.MarketData;

/// <summary>
/// Beijing time (UTC+8, no daylight saving), in which the exchanges' trading days, sessions and K-line buckets are
/// counted. A trading day is the Beijing calendar date of a trade.
/// </summary>
public static class BeijingTime
{
    /// <summary>The offset of Beijing time from UTC: +08:00, all year.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing calendar date of <paramref name="at"/>: the trading day a trade at that instant belongs to.</summary>
    public static DateOnly TradingDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first trading day the platform reads or writes: the platform's first day, <see cref="PlatformDays.First"/>.</summary>
    public static readonly DateOnly FirstDay = PlatformDays.First;

    /// <summary>The last trading day the platform reads or writes: the platform's last day, <see cref="PlatformDays.Last"/>.</summary>
    public static readonly DateOnly LastDay = PlatformDays.Last;

    /// <summary>Whether <paramref name="day"/> is a trading day the platform reads or writes: <see cref="FirstDay"/> to <see cref="LastDay"/>.</summary>
    public static bool IsInRange(DateOnly day) => PlatformDays.Contains(day);

    /// <summary>Whether <paramref name="at"/> falls on a Beijing day from <see cref="FirstDay"/> to <see cref="LastDay"/>.</summary>
    public static bool IsInRange(DateTimeOffset at) => at >= StartOf(FirstDay) && at < StartOf(LastDay.AddDays(1));

    /// <summary>Midnight at the start of <paramref name="day"/> in Beijing time, as an instant with offset +08:00.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant cannot be held (<see cref="DateOnly.MinValue"/>); check <see cref="IsInRange(DateOnly)"/> first.</exception>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
