using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// Where market data comes from: the exchange's listed instruments, trade prints and order books. The exchange module
/// implements it; market data only reads through it.
/// </summary>
public interface IMarketFeed
{
    /// <summary>Every listed instrument with its reference price (the previous close), fen per tonne.</summary>
    Task<IReadOnlyList<(string Instrument, long ReferencePriceFen)>> InstrumentsAsync(CancellationToken ct);

    /// <summary>An instrument's trades with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>, in trade order.</summary>
    Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>
    /// An instrument's block trades (大宗协议) settled with <paramref name="from"/> ≤ at &lt; <paramref name="to"/>: off the
    /// book, counted as block volume, never as the last price.
    /// </summary>
    Task<IReadOnlyList<TradePrint>> BlockPrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The best <paramref name="levels"/> levels of each side of the book, or null when the instrument is not listed.</summary>
    Task<BookDepth?> DepthAsync(string instrument, int levels, CancellationToken ct);

    /// <summary>
    /// The previous close of <paramref name="day"/> (fen per tonne) when its end of day has already run, which has moved the
    /// reference price on to the day's own close; null when the day is not closed (the reference is then the previous close).
    /// </summary>
    Task<long?> ClosedDayPreviousCloseAsync(string instrument, DateOnly day, CancellationToken ct) => Task.FromResult<long?>(null);
}

/// <summary>One price level: fen per tonne, tonnes resting, how many orders.</summary>
public sealed record BookLevel(long PriceFen, long Quantity, int Orders);

/// <summary>The best levels of each side, best first (bids highest first, asks lowest first), and whether it is halted.</summary>
public sealed record BookDepth(string Instrument, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks, bool Halted);
