using System.Globalization;
using OpenEts.Application.Storage;
using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>What <see cref="ExchangeService.VerifyAsync"/> found.</summary>
/// <param name="Inputs">Input entries replayed.</param>
/// <param name="Trades">Trades the replay made (and the recorded trades it was compared with).</param>
/// <param name="RestingOrders">Orders resting on the rebuilt books.</param>
/// <param name="Differences">Each difference, in words; empty when the journal and the recorded trades and orders agree.</param>
public sealed record ExchangeVerification(long Inputs, long Trades, long RestingOrders, IReadOnlyList<string> Differences)
{
    public bool Agrees => Differences.Count == 0;
}

public sealed partial class ExchangeService
{
    /// <summary>
    /// Rebuilds every book from the input journal alone, on fresh books in one read transaction, and compares what the
    /// replay makes with what is recorded: every trade (instrument, orders, price, quantity, in order) and every order
    /// still open (its resting quantity). The live books are not touched.
    /// </summary>
    public Task<ExchangeVerification> VerifyAsync(CancellationToken ct) => store.ReadAsync(async s =>
    {
        var books = new Dictionary<string, OrderBook>(StringComparer.Ordinal);
        var made = new List<(string Instrument, Trade Trade)>();
        var buffer = new TradeBuffer(1024);
        long inputs = 0;
        await foreach (var entry in s.Journal.ReadAllAsync(1).WithCancellation(ct).ConfigureAwait(false))
        {
            if (entry.Kind == ListInstrument.Kind)
            {
                var listed = ListInstrument.FromJson(entry.Payload);
                books[listed.Code] = new OrderBook(listed.Settings());
            }
            else if (entry.Kind == EndOfDay.Kind)
            {
                foreach (var (instrument, reference) in EndOfDay.ReferencesFromJson(entry.Payload))
                {
                    books[instrument] = NextDay(books[instrument], reference, entry.Sequence, buffer);
                }
            }
            else if (entry.Kind == SetTradingRules.Kind)
            {
                var (instrument, levels) = SetTradingRules.MatchLevelsFromJson(entry.Payload);
                books[instrument] = WithMatchLevels(books[instrument], levels);
            }
            else if (ExchangeInput.IsInput(entry.Kind))
            {
                var input = ExchangeInput.FromJson(entry.Payload);
                buffer.Clear();
                books[input.Instrument].Process(input.ToCommand(entry.Kind, entry.Sequence), buffer);
                inputs++;
                foreach (var t in buffer.AsSpan())
                {
                    made.Add((input.Instrument, t));
                }
            }
        }
        var differences = new List<string>();
        var recorded = await s.Exchange.AllTradesAsync().ConfigureAwait(false);
        if (recorded.Count != made.Count)
        {
            differences.Add(F($"the journal replays to {made.Count} trades; {recorded.Count} are recorded"));
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
        return new ExchangeVerification(inputs, made.Count, books.Values.Sum(b => (long)b.OrderCount), differences);
    }, ct);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
