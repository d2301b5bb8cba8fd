using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>A market with nothing listed: the feed used where no exchange runs (the CLI, a host without the exchange).</summary>
public sealed class NoMarketFeed : IMarketFeed
{
    public Task<IReadOnlyList<(string Instrument, long ReferencePriceFen)>> InstrumentsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, long)>>([]);

    public Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TradePrint>>([]);

    public Task<IReadOnlyList<TradePrint>> BlockPrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TradePrint>>([]);

    public Task<BookDepth?> DepthAsync(string instrument, int levels, CancellationToken ct) => Task.FromResult<BookDepth?>(null);
}
