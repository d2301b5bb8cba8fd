using System.Globalization;
using OpenEts.Application.Storage;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>What <see cref="ExchangeService.VerifyAsync(bool, CancellationToken)"/> found.</summary>
/// <param name="Inputs">Input entries replayed.</param>
/// <param name="Trades">Trades the replay made (and the recorded trades it was compared with).</param>
/// <param name="RestingOrders">Orders resting on the rebuilt books.</param>
/// <param name="Differences">Each difference, in words; empty when the journal and the recorded trades and orders agree.</param>
public sealed record ExchangeVerification(long Inputs, long Trades, long RestingOrders, IReadOnlyList<string> Differences)
{
    public bool Agrees => Differences.Count == 0;

    /// <summary>The journal entry covered by the snapshot the replay started from; null when it started at entry 1.</summary>
    public long? FromSnapshot { get; init; }

    /// <summary>Snapshots compared with the replay (each at its entry, and the newest one followed by the tail).</summary>
    public int SnapshotsCompared { get; init; }

    /// <summary>Snapshots that do not check out (a start skips them for the one before): which, and why.</summary>
    public IReadOnlyList<string> SnapshotWarnings { get; init; } = [];
}

public sealed partial class ExchangeService
{
    /// <summary>
    /// Rebuilds every book from the input journal alone from entry 1, on fresh books in one read transaction, and
    /// compares what the replay makes with what is recorded (see <see cref="VerifyAsync(bool, CancellationToken)"/>).
    /// </summary>
    public Task<ExchangeVerification> VerifyAsync(CancellationToken ct) => VerifyAsync(fromSnapshot: false, ct);

    /// <summary>
    /// Rebuilds every book from the input journal on fresh books in one read transaction and compares what the replay
    /// makes with what is recorded: every trade (instrument, orders, price, quantity, in order) and every order still open
    /// (its resting quantity). From entry 1 (<paramref name="fromSnapshot"/> false) it also compares each stored snapshot
    /// that checks out with the replay at its entry, and the books of the newest one followed by the journal after it
    /// with the books of the full replay. With <paramref name="fromSnapshot"/> it starts from the newest snapshot that
    /// checks out and compares only the trades after it: fast, and it says nothing of the entries before the snapshot.
    /// The live books are not touched.
    /// </summary>
    public Task<ExchangeVerification> VerifyAsync(bool fromSnapshot, CancellationToken ct) => store.ReadAsync(async s =>
    {
        var differences = new List<string>();
        var warnings = new List<string>();
        var books = new Dictionary<string, OrderBook>(StringComparer.Ordinal);
        var stored = await s.Exchange.SnapshotsAsync().ConfigureAwait(false);
        long? startedFrom = null;
        long tradesBefore = 0;
        // Oldest first: each is compared when the replay passes its entry.
        var pending = new Queue<ExchangeSnapshotRow>(fromSnapshot ? [] : stored.Reverse());
        if (fromSnapshot)
        {
            foreach (var row in stored)
            {
                var (state, problem) = await RestoreAsync(s, row).ConfigureAwait(false);
                if (state is not null && Books(state, out problem) is { } restored)
                {
                    books = restored;
                    startedFrom = row.Sequence;
                    tradesBefore = state.LastTrade;
                    break;
                }
                warnings.Add(F($"the snapshot of entry {row.Sequence} is skipped: {problem}"));
            }
        }
        // The books of the newest snapshot checked so far, followed by the entries after it.
        Dictionary<string, OrderBook>? tail = null;
        long? tailFrom = null;
        var compared = 0;
        var made = new List<(string Instrument, Trade Trade)>();
        var buffer = new TradeBuffer(1024);
        var tailBuffer = new TradeBuffer(1024);
        long inputs = 0;

        async Task CompareAsync(ExchangeSnapshotRow row)
        {
            var (state, problem) = await RestoreAsync(s, row).ConfigureAwait(false);
            if (state is null || Books(state, out problem) is not { } restored)
            {
                warnings.Add(F($"the snapshot of entry {row.Sequence} is skipped: {problem}"));
                return;
            }
            compared++;
            differences.AddRange(BookDifferences(F($"the snapshot of entry {row.Sequence}"), books, restored));
            tail = restored;
            tailFrom = row.Sequence;
        }

        await foreach (var entry in s.Journal.ReadAllAsync((startedFrom ?? 0) + 1).WithCancellation(ct).ConfigureAwait(false))
        {
            while (pending.Count > 0 && pending.Peek().Sequence < entry.Sequence)
            {
                await CompareAsync(pending.Dequeue()).ConfigureAwait(false);
            }
            if (Apply(books, entry, buffer) is { } instrument)
            {
                inputs++;
                foreach (var t in buffer.AsSpan())
                {
                    made.Add((instrument, t));
                }
            }
            if (tail is not null)
            {
                try
                {
                    Apply(tail, entry, tailBuffer);
                }
                catch (KeyNotFoundException)
                {
                    differences.Add(F($"the snapshot of entry {tailFrom} lacks the book journal entry {entry.Sequence} is for"));
                    tail = null;
                }
            }
        }
        while (pending.Count > 0)
        {
            await CompareAsync(pending.Dequeue()).ConfigureAwait(false);
        }
        if (tail is not null)
        {
            compared++;
            differences.AddRange(BookDifferences(F($"the snapshot of entry {tailFrom} followed by the journal after it"), books, tail));
        }

        var recorded = fromSnapshot ? await s.Exchange.TradesAfterAsync(tradesBefore).ConfigureAwait(false)
            : await s.Exchange.AllTradesAsync().ConfigureAwait(false);
        if (recorded.Count != made.Count)
        {
            differences.Add(F($"the journal replays to {made.Count} trades{(fromSnapshot ? F($" after trade {tradesBefore}") : "")}; {recorded.Count} are recorded"));
        }
        for (var i = 0; i < Math.Min(recorded.Count, made.Count); i++)
        {
            var (instrument, t) = made[i];
            var r = recorded[i];
            if (r.Instrument != instrument || r.BuyOrder != t.BuyOrderId || r.SellOrder != t.SellOrderId || r.PriceFen != t.PriceFen
                || r.Quantity != t.Quantity)
            {
                differences.Add(F($"trade {r.Id}: recorded {r.Instrument} {r.BuyOrder}/{r.SellOrder} {r.Quantity} t at {r.PriceFen} fen; the replay makes {instrument} {t.BuyOrderId}/{t.SellOrderId} {t.Quantity} t at {t.PriceFen} fen"));
            }
        }
        var resting = books.Values.SelectMany(b => b.Snapshot().Orders).ToDictionary(o => o.OrderId, o => o.Quantity);
        foreach (var open in await s.Exchange.OpenOrdersAsync().ConfigureAwait(false))
        {
            if (!resting.TryGetValue(open.Id, out var quantity) || quantity != open.Resting)
            {
                differences.Add(F($"order {open.Id}: recorded open with {open.Resting} t resting; the rebuilt book has {(resting.TryGetValue(open.Id, out var q) ? q : 0)} t"));
            }
            resting.Remove(open.Id);
        }
        foreach (var (id, quantity) in resting)
        {
            differences.Add(F($"order {id}: rests with {quantity} t on the rebuilt book but is not recorded open"));
        }
        return new ExchangeVerification(inputs, made.Count, books.Values.Sum(b => (long)b.OrderCount), differences)
        {
            FromSnapshot = startedFrom,
            SnapshotsCompared = compared,
            SnapshotWarnings = warnings,
        };
    }, ct);

    // How the books of `other` differ from those of the replay: instruments, settings, phase, halt, and the resting orders
    // in priority order (the first that differs, per book).
    internal static IEnumerable<string> BookDifferences(string what, IReadOnlyDictionary<string, OrderBook> replay,
        IReadOnlyDictionary<string, OrderBook> other)
    {
        foreach (var code in replay.Keys.Union(other.Keys).Order(StringComparer.Ordinal))
        {
            if (!replay.TryGetValue(code, out var expected) || !other.TryGetValue(code, out var actual))
            {
                yield return F($"{what}: book {code} is {(expected is null ? "not in the replay" : "missing")}");
                continue;
            }
            var (e, a) = (expected.Snapshot(), actual.Snapshot());
            var (es, sa) = (e.Settings, a.Settings);
            if (es.ReferencePriceFen != sa.ReferencePriceFen || es.TickFen != sa.TickFen || es.LotTonnes != sa.LotTonnes
                || es.MaxOrderTonnes != sa.MaxOrderTonnes || es.BandBasisPoints != sa.BandBasisPoints
                || es.SelfTradePrevention != sa.SelfTradePrevention || es.MatchLevels != sa.MatchLevels)
            {
                yield return F($"{what}: book {code} has other settings (reference {sa.ReferencePriceFen} fen, best levels {sa.MatchLevels}) than the replay (reference {es.ReferencePriceFen} fen, best levels {es.MatchLevels})");
            }
            if (e.Phase != a.Phase || e.IsHalted != a.IsHalted)
            {
                yield return F($"{what}: book {code} is {a.Phase}{(a.IsHalted ? ", halted" : "")}; the replay's is {e.Phase}{(e.IsHalted ? ", halted" : "")}");
            }
            for (var i = 0; i < Math.Max(e.Orders.Count, a.Orders.Count); i++)
            {
                var eo = i < e.Orders.Count ? e.Orders[i] : (RestingOrder?)null;
                var ao = i < a.Orders.Count ? a.Orders[i] : (RestingOrder?)null;
                if (eo != ao)
                {
                    yield return F($"{what}: book {code} differs from the replay at its resting order {i + 1}: {Describe(ao)} against {Describe(eo)}");
                    break;
                }
            }
        }
    }

    private static string Describe(RestingOrder? o) =>
        o is { } r ? F($"order {r.OrderId} ({r.Side} {r.Quantity} t at {r.PriceFen} fen, account {r.Account})") : "none";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
