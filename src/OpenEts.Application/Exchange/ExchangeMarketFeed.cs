using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>The market data's feed from the exchange: listed instruments, trade prints and depth, through <see cref="ExchangeQueries"/>.</summary>
public sealed class ExchangeMarketFeed(ExchangeQueries queries) : IMarketFeed
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<(string Instrument, long ReferencePriceFen)>> InstrumentsAsync(CancellationToken ct) =>
        [.. (await queries.InstrumentsAsync(ct).ConfigureAwait(false)).Select(l => (l.Instrument.Code, l.Instrument.ReferencePriceFen))];

    /// <inheritdoc/>
    public Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        queries.TradePrintsAsync(instrument, from, to, ct);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TradePrint>> BlockPrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        queries.BlockPrintsAsync(instrument, from, to, ct);

    /// <inheritdoc/>
    public async Task<BookDepth?> DepthAsync(string instrument, int levels, CancellationToken ct) =>
        await queries.DepthAsync(instrument, levels, ct).ConfigureAwait(false) is { } d
            ? new BookDepth(d.Instrument, [.. d.Bids.Select(Level)], [.. d.Asks.Select(Level)], d.Halted)
            : null;

    /// <inheritdoc/>
    public async Task<long?> ClosedDayPreviousCloseAsync(string instrument, DateOnly day, CancellationToken ct) =>
        (await queries.ClosesAsync(day, ct).ConfigureAwait(false)).FirstOrDefault(c => c.Instrument == instrument)?.Close.PreviousCloseFen;

    private static BookLevel Level(DepthLevel l) => new(l.PriceFen, l.Quantity, l.Orders);
}
