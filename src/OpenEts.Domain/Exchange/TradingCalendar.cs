namespace OpenEts.Domain.Exchange;

/// <summary>
/// When an exchange takes orders (交易时间): its sessions on each trading day, its trading weekdays and the dates it is
/// closed, all in Beijing time (UTC+8, no daylight saving).
/// </summary>
public sealed record TradingCalendar
{
    /// <summary>Beijing time's offset from UTC.</summary>
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Before the calendars below: static initialisers run in the order written.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private TradingCalendar(
        IReadOnlyList<TradingSession> sessions, IReadOnlyList<TradingSession> blockSessions, IReadOnlySet<DayOfWeek> days, IReadOnlySet<DateOnly> closed,
        string name)
    {
        Sessions = sessions;
        BlockSessions = blockSessions;
        Days = days;
        Closed = closed;
        Name = name;
    }

    /// <summary>The sessions of a trading day, in order.</summary>
    public IReadOnlyList<TradingSession> Sessions { get; }

    /// <summary>The sessions in which block trades (大宗协议) are proposed and accepted, on the same trading days.</summary>
    public IReadOnlyList<TradingSession> BlockSessions { get; }

    /// <summary>The weekdays that are trading days (unless closed).</summary>
    public IReadOnlySet<DayOfWeek> Days { get; }

    /// <summary>Dates on which the exchange is closed (public holidays).</summary>
    public IReadOnlySet<DateOnly> Closed { get; }

    /// <summary>The calendar's name, e.g. <c>national</c> or <c>demo</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The national market's 挂牌协议 hours: Monday to Friday, 9:30–11:30 and 13:00–15:00; its 大宗协议 (block trade)
    /// hours 13:00–15:00 (trading.md §5.1, [confirmed]). The public holidays are not in the sources: none are listed here,
    /// [UNCONFIRMED].
    /// </summary>
    public static TradingCalendar National { get; } = new(
        [new(new TimeOnly(9, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 0), new TimeOnly(15, 0))],
        [new(new TimeOnly(13, 0), new TimeOnly(15, 0))],
        new HashSet<DayOfWeek>(Weekdays), new HashSet<DateOnly>(), "national");

    /// <summary>
    /// Guangzhou's hours were not found (guangdong.md §1.7, [UNCONFIRMED]); the national market's (block trades' too) are
    /// used in their place.
    /// </summary>
    public static TradingCalendar Guangzhou { get; } = new(National.Sessions, National.BlockSessions, National.Days, National.Closed, "guangzhou");

    /// <summary>
    /// The demo market's hours: every day, all day, so that the demo can be tried at any time. Not an exchange's rule.
    /// </summary>
    public static TradingCalendar AllDay { get; } = new(
        [new(TimeOnly.MinValue, TimeOnly.MinValue)], [new(TimeOnly.MinValue, TimeOnly.MinValue)], new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()), new HashSet<DateOnly>(), "all-day");

    /// <summary>The calendar named <paramref name="name"/> (<c>national</c>, <c>guangzhou</c>, <c>all-day</c>), or null.</summary>
    public static TradingCalendar? Named(string? name) => name switch
    {
        "national" => National,
        "guangzhou" => Guangzhou,
        "all-day" => AllDay,
        _ => null,
    };

    /// <summary>True when the exchange takes orders at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at) => IsOpen(at, Sessions);

    /// <summary>True when the exchange takes block trades at <paramref name="at"/>.</summary>
    public bool IsOpenForBlocks(DateTimeOffset at) => IsOpen(at, BlockSessions);

    /// <summary>The block-trade sessions as text, e.g. <c>13:00–15:00</c>.</summary>
    public string BlockSessionsText => Text(BlockSessions);

    private bool IsOpen(DateTimeOffset at, IReadOnlyList<TradingSession> sessions)
    {
        var local = at.ToOffset(Beijing);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!Days.Contains(local.DayOfWeek) || Closed.Contains(date))
        {
            return false;
        }
        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var session in sessions)
        {
            if (session.Contains(time))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The sessions as text, e.g. <c>09:30–11:30, 13:00–15:00</c>.</summary>
    public string SessionsText => Text(Sessions);

    private static string Text(IReadOnlyList<TradingSession> sessions) => string.Join(", ", sessions.Select(s =>
        s.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "–"
        + (s.Closes == TimeOnly.MinValue ? "24:00" : s.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
}
