using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange;

namespace OpenEts.Server.Tests.Market;

/// <summary>
/// A market of one instrument, CEA-2026 (reference 60.00 元/t), with trades a test adds and a fixed book: what the
/// exchange would feed market data, without running the exchange.
/// </summary>
public sealed class FakeMarketFeed : IMarketFeed
{
    public const string Instrument = "CEA-2026";

    public const long ReferenceFen = 6_000;

    private readonly List<TradePrint> _trades = [];

    public void Add(DateTimeOffset at, long priceFen, long quantity)
    {
        lock (_trades)
        {
            _trades.Add(new TradePrint(_trades.Count + 1, Instrument, at, priceFen, quantity));
        }
    }

    public Task<IReadOnlyList<(string Instrument, long ReferencePriceFen)>> InstrumentsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, long)>>([(Instrument, ReferenceFen)]);

    private int _reads;

    /// <summary>How many times the trade prints were read.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>While set, a read of the trade prints waits for it (a computation held in the middle).</summary>
    public Task? Gate { get; set; }

    public async Task<IReadOnlyList<TradePrint>> TradePrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(ct);
        }
        lock (_trades)
        {
            return [.. _trades.Where(t => t.Instrument == instrument && t.At >= from && t.At < to)];
        }
    }

    public Task<IReadOnlyList<TradePrint>> BlockPrintsAsync(string instrument, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TradePrint>>([]);

    public Task<BookDepth?> DepthAsync(string instrument, int levels, CancellationToken ct) =>
        Task.FromResult(instrument == Instrument
            ? new BookDepth(instrument, [.. Enumerable.Range(0, Math.Min(levels, 7)).Select(i => new BookLevel(5_990 - (i * 10), 100 + i, 1))],
                [new BookLevel(6_010, 50, 2)], false)
            : null);
}
