using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// Market data for everyone (no sign-in): per instrument the ticker, the K-lines and the depth, computed from the
/// exchange's trade prints and books through <see cref="IMarketFeed"/>. The limits of a request live here.
/// </summary>
public sealed class MarketDataQueries(IMarketFeed feed, TimeProvider clock)
{
    /// <summary>The depth levels shown: the top 5 (issue 12, market data).</summary>
    public const int DepthLevels = 5;

    /// <summary>How far back 1-minute K-lines reach by default: the current trading day and the one before (2 days).</summary>
    public static readonly TimeSpan MinuteLookback = TimeSpan.FromDays(2);

    /// <summary>How far back daily K-lines reach by default: a year.</summary>
    public static readonly TimeSpan DayLookback = TimeSpan.FromDays(366);


    /// <summary>
    /// Reads an interval as the API names it: <c>1m</c> (the default, when none is given) or <c>1d</c>; false for anything else.
    /// </summary>
    public static bool TryParseInterval(string? text, out KLineInterval interval)
    {
        (var ok, interval) = (text ?? "1m") switch
        {
            "1m" => (true, KLineInterval.OneMinute),
            "1d" => (true, KLineInterval.OneDay),
            _ => (false, KLineInterval.OneMinute),
        };
        return ok;
    }

    /// <summary>The API's name of an interval: <c>1m</c> or <c>1d</c>.</summary>
    public static string IntervalName(KLineInterval interval) => interval == KLineInterval.OneDay ? "1d" : "1m";

    /// <summary>Every listed instrument with its reference price (fen).</summary>
    public Task<IReadOnlyList<(string Instrument, long ReferencePriceFen)>> InstrumentsAsync(CancellationToken ct) => feed.InstrumentsAsync(ct);

    /// <summary>
    /// The listed instrument whose code is <paramref name="typed"/> but for letter case and spaces around it (<c>gdea-2017</c>
    /// → <c>GDEA-2017</c>), or null when none is. Codes are exact everywhere else; this is for a code typed into an address.
    /// </summary>
    public async Task<string?> ListedCodeAsync(string? typed, CancellationToken ct)
    {
        var code = typed?.Trim();
        foreach (var (instrument, _) in await feed.InstrumentsAsync(ct).ConfigureAwait(false))
        {
            if (string.Equals(instrument, code, StringComparison.OrdinalIgnoreCase))
            {
                return instrument;
            }
        }
        return null;
    }

    /// <summary>
    /// What <paramref name="read"/> finds for a code typed into an address, with the code it was read for: as typed, else
    /// for the listed instrument it names in other letter case (<see cref="ListedCodeAsync"/>); null when none is listed.
    /// </summary>
    public async Task<(string Code, T? Found)> ReadListedAsync<T>(string typed, Func<string, Task<T?>> read, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (await read(typed).ConfigureAwait(false) is { } found)
        {
            return (typed, found);
        }
        return await ListedCodeAsync(typed, ct).ConfigureAwait(false) is { } listed && listed != typed
            ? (listed, await read(listed).ConfigureAwait(false))
            : (typed, null);
    }

    /// <summary>
    /// Why a code typed into an address names no instrument: <c>UnknownInstrument</c> under <paramref name="field"/>,
    /// naming the code as typed and the listed instruments.
    /// </summary>
    public async Task<FieldError> UnlistedAsync(string? typed, string field, CancellationToken ct)
    {
        var instruments = await feed.InstrumentsAsync(ct).ConfigureAwait(false);
        var listed = instruments.Count == 0 ? "—" : string.Join(", ", instruments.Select(i => i.Instrument));
        return FieldError.Of(field, nameof(ExchangeRule.UnknownInstrument), $"'{typed}' is not a listed instrument; listed: {listed}");
    }

    /// <summary>The ticker of an instrument for today (Beijing time), or null when it is not listed.</summary>
    public async Task<Ticker?> TickerAsync(string instrument, CancellationToken ct) =>
        (await TodayAsync(instrument, ct).ConfigureAwait(false))?.Ticker;

    /// <summary>
    /// What the live feed sends: today's ticker and the open 1-minute and 1-day bars (null before the first trade),
    /// from one read of the day's trades; null when the instrument is not listed.
    /// </summary>
    public async Task<(Ticker Ticker, Bar? Minute, Bar? Day)?> LiveAsync(string instrument, CancellationToken ct)
    {
        if (await TodayAsync(instrument, ct).ConfigureAwait(false) is not var (ticker, trades))
        {
            return null;
        }
        return trades.Count == 0
            ? (ticker, null, null)
            : (ticker, KLines.Aggregate(trades, KLineInterval.OneMinute)[^1], KLines.Aggregate(trades, KLineInterval.OneDay)[^1]);
    }

    private async Task<(Ticker Ticker, IReadOnlyList<TradePrint> Trades)?> TodayAsync(string instrument, CancellationToken ct)
    {
        if (await ReferenceAsync(instrument, ct).ConfigureAwait(false) is not { } reference)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var day = BeijingTime.TradingDay(now);
        var trades = await feed.TradePrintsAsync(instrument, BeijingTime.StartOf(day), BeijingTime.StartOf(day.AddDays(1)), ct).ConfigureAwait(false);
        var blocks = await feed.BlockPrintsAsync(instrument, BeijingTime.StartOf(day), BeijingTime.StartOf(day.AddDays(1)), ct).ConfigureAwait(false);
        // After the day's end of day the reference is already the day's own close: the ticker still compares the day with the close before it.
        var previous = await feed.ClosedDayPreviousCloseAsync(instrument, day, ct).ConfigureAwait(false) ?? reference;
        return (Ticker.From(instrument, day, previous, trades, blocks), trades);
    }

    /// <summary>
    /// The K-line bars of an instrument (oldest first) over the default lookback of the interval, or null when it is
    /// not listed.
    /// </summary>
    public async Task<IReadOnlyList<Bar>?> KLinesAsync(string instrument, KLineInterval interval, CancellationToken ct)
    {
        if (await ReferenceAsync(instrument, ct).ConfigureAwait(false) is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var lookback = interval == KLineInterval.OneMinute ? MinuteLookback : DayLookback;
        var from = KLines.IntervalStart(now - lookback, KLineInterval.OneDay);
        var trades = await feed.TradePrintsAsync(instrument, from, now.AddSeconds(1), ct).ConfigureAwait(false);
        return KLines.Aggregate(trades, interval);
    }

    /// <summary>
    /// The chart an instrument's page opens on when no interval is asked for: the 1-minute chart when the last two days
    /// have at least this many 1-minute bars; a thinner market (a few trades a day, as carbon markets mostly are) opens on
    /// the daily chart, where its days of trading show as a trend rather than one or two lone minutes. A design choice.
    /// </summary>
    public const int MinuteBarsForTheMinuteChart = 10;

    /// <summary>
    /// The interval and bars an instrument's chart opens on (<see cref="MinuteBarsForTheMinuteChart"/>): the year's
    /// daily bars are read only for a thin market, and chosen when there are more of them than minute bars; null when
    /// the instrument is not listed.
    /// </summary>
    public async Task<(KLineInterval Interval, IReadOnlyList<Bar> Bars)?> OpeningChartAsync(string instrument, CancellationToken ct)
    {
        if (await KLinesAsync(instrument, KLineInterval.OneMinute, ct).ConfigureAwait(false) is not { } minutes)
        {
            return null;
        }
        if (minutes.Count >= MinuteBarsForTheMinuteChart)
        {
            return (KLineInterval.OneMinute, minutes);
        }
        var days = await KLinesAsync(instrument, KLineInterval.OneDay, ct).ConfigureAwait(false) ?? [];
        return days.Count > minutes.Count ? (KLineInterval.OneDay, days) : (KLineInterval.OneMinute, minutes);
    }

    /// <summary>The top <see cref="DepthLevels"/> levels of each side, or null when the instrument is not listed.</summary>
    public Task<BookDepth?> DepthAsync(string instrument, CancellationToken ct) => feed.DepthAsync(instrument, DepthLevels, ct);

    private async Task<long?> ReferenceAsync(string instrument, CancellationToken ct)
    {
        foreach (var (code, reference) in await feed.InstrumentsAsync(ct).ConfigureAwait(false))
        {
            if (string.Equals(code, instrument, StringComparison.Ordinal))
            {
                return reference;
            }
        }
        return null;
    }
}
