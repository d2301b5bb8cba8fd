using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Api;

// Per-instrument market data: ticker, K-lines and depth, public. Prices in the views are yuan per tonne (decimal,
// exact from integer fen), quantities whole tonnes, turnover in yuan.
internal static partial class MarketEndpoints
{
    private static void MapTrading(RouteGroupBuilder group)
    {
        group.MapGet("/instruments", InstrumentsAsync).AllowAnonymous()
            .WithSummary("Every listed instrument with its reference price (the previous close), yuan/t (public)");
        group.MapGet("/{instrument}/ticker", TickerAsync).AllowAnonymous()
            .WithSummary("Today's ticker (Beijing time): last price, change against the previous close, open, high, low, volume t, turnover yuan (public)");
        group.MapGet("/{instrument}/klines", KLinesAsync).AllowAnonymous()
            .WithSummary("K-line bars, oldest first: interval=1m (the last 2 days) or 1d (the last year); open, high, low, close yuan/t, "
                + "volume t, turnover yuan; a bar's close is its last trade (the official close is the end of day's) (public)");
        group.MapGet("/{instrument}/depth", DepthAsync).AllowAnonymous()
            .WithSummary("The book's top 5 price levels per side: price yuan/t, tonnes and orders; bids highest first, asks lowest first (public)");
    }

    /// <summary>A listed instrument and its reference price (yuan/t).</summary>
    public sealed record InstrumentView(string Instrument, decimal ReferencePrice);

    /// <summary>
    /// The ticker: prices yuan/t (null before the day's first trade), <c>changePercent</c> in %, turnover yuan; block trades
    /// (大宗协议) apart as <c>blockVolume</c> t and <c>blockTurnover</c> yuan, never in the last price or the book's volume.
    /// </summary>
    public sealed record TickerView(string Instrument, string Day, decimal PreviousClose, decimal? Last, decimal? Change, decimal? ChangePercent,
        decimal? Open, decimal? High, decimal? Low, long Volume, decimal Turnover, int Trades, DateTimeOffset? LastAt, long BlockVolume,
        decimal BlockTurnover);

    /// <summary>One K-line bar: its start (+08:00), prices yuan/t, volume t, turnover yuan, number of trades.</summary>
    public sealed record BarView(DateTimeOffset Start, decimal Open, decimal High, decimal Low, decimal Close, long Volume, decimal Turnover, int Trades);

    /// <summary>K-lines of one instrument at one interval (<c>1m</c> or <c>1d</c>).</summary>
    public sealed record KLinesView(string Instrument, string Interval, IReadOnlyList<BarView> Bars);

    /// <summary>One depth level: price yuan/t, tonnes, orders.</summary>
    public sealed record LevelView(decimal Price, long Quantity, int Orders);

    /// <summary>The top of the book.</summary>
    public sealed record DepthView(string Instrument, IReadOnlyList<LevelView> Bids, IReadOnlyList<LevelView> Asks, bool Halted);

    internal static decimal Yuan(long fen) => Domain.Cash.Yuan.FromFen(fen).Value;

    internal static decimal? Yuan(long? fen) => fen is { } f ? Yuan(f) : null;

    internal static TickerView View(Ticker t) => new(t.Instrument, t.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Yuan(t.PreviousCloseFen), Yuan(t.LastFen), t.Change, t.ChangePercent, Yuan(t.OpenFen), Yuan(t.HighFen), Yuan(t.LowFen),
        t.Volume, Yuan(t.TurnoverFen), t.Trades, t.LastAt, t.BlockVolume, Yuan(t.BlockTurnoverFen));

    internal static BarView View(Bar b) => new(b.Start, Yuan(b.OpenFen), Yuan(b.HighFen), Yuan(b.LowFen), Yuan(b.CloseFen), b.Volume,
        Yuan(b.TurnoverFen), b.Trades);

    internal static DepthView View(BookDepth d) => new(d.Instrument, [.. d.Bids.Select(Level)], [.. d.Asks.Select(Level)], d.Halted);

    private static LevelView Level(BookLevel l) => new(Yuan(l.PriceFen), l.Quantity, l.Orders);

    private static async Task<Ok<List<InstrumentView>>> InstrumentsAsync(MarketDataQueries market, CancellationToken ct) =>
        TypedResults.Ok((await market.InstrumentsAsync(ct).ConfigureAwait(false)).Select(i => new InstrumentView(i.Instrument, Yuan(i.ReferencePriceFen))).ToList());

    // A code in the address is answered for the listed instrument it names in any letter case (gdea-2017 for GDEA-2017);
    // one that names none is 404 naming it as typed and the listed instruments.
    private static async Task<ProblemHttpResult> UnlistedAsync(string instrument, MarketDataQueries market, CancellationToken ct) =>
        Problems.NotFound(await market.UnlistedAsync(instrument, nameof(instrument), ct).ConfigureAwait(false));

    private static async Task<Results<Ok<TickerView>, ProblemHttpResult>> TickerAsync(string instrument, MarketDataQueries market, CancellationToken ct) =>
        await market.ReadListedAsync(instrument, code => market.TickerAsync(code, ct), ct).ConfigureAwait(false) is (_, { } t)
            ? TypedResults.Ok(View(t))
            : await UnlistedAsync(instrument, market, ct).ConfigureAwait(false);

    private static async Task<Results<Ok<KLinesView>, ValidationProblem, ProblemHttpResult>> KLinesAsync(
        string instrument, string? interval, MarketDataQueries market, CancellationToken ct)
    {
        if (!MarketDataQueries.TryParseInterval(interval, out var i))
        {
            return Problems.Fields([FieldError.Of("interval", "UnknownValue", $"interval '{interval}' is not one of {"1m, 1d"}")]);
        }
        return await market.ReadListedAsync(instrument, code => market.KLinesAsync(code, i, ct), ct).ConfigureAwait(false) is (var listed, { } bars)
            ? TypedResults.Ok(new KLinesView(listed, MarketDataQueries.IntervalName(i), [.. bars.Select(View)]))
            : await UnlistedAsync(instrument, market, ct).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<DepthView>, ProblemHttpResult>> DepthAsync(string instrument, MarketDataQueries market, CancellationToken ct) =>
        await market.ReadListedAsync(instrument, code => market.DepthAsync(code, ct), ct).ConfigureAwait(false) is (_, { } d)
            ? TypedResults.Ok(View(d))
            : await UnlistedAsync(instrument, market, ct).ConfigureAwait(false);
}
