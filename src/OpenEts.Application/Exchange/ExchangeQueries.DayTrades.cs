using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange;

public sealed partial class ExchangeQueries
{
    /// <summary>
    /// The instruments whose trading day at <paramref name="now"/> is already closed by its end of day, so that every
    /// order is refused <c>DayClosed</c> until the next Beijing day (the same rule, <see cref="PreTradeCheck.DayClosed"/>);
    /// their reference price and band are the next trading day's. Public.
    /// </summary>
    public Task<IReadOnlySet<string>> ClosedForTheDayAsync(DateTimeOffset now, CancellationToken ct) =>
        store.ReadAsync(async s =>
        {
            var closed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in await s.Exchange.InstrumentsAsync().ConfigureAwait(false))
            {
                var code = i.Instrument.Code;
                if (PreTradeCheck.DayClosed(code, await s.Exchange.LastClosedDayAsync(code).ConfigureAwait(false), now) is not null)
                {
                    closed.Add(code);
                }
            }
            return (IReadOnlySet<string>)closed;
        }, ct);

    // Every trade settled on one Beijing day, of every kind (book, block, listing, one-way auction), oldest first; only
    // those of the accounts in `of` when it is given. A day's report and export must add up to the cash ledger's movements,
    // which every kind makes.
    private static async Task<IReadOnlyList<DayTrade>> SettledOnAsync(IStoreSession s, DateOnly day, HashSet<long>? of)
    {
        var (from, to) = (BeijingTime.StartOf(day), BeijingTime.StartOf(day.AddDays(1)));
        var all = new List<DayTrade>();
        foreach (var i in await s.Exchange.InstrumentsAsync().ConfigureAwait(false))
        {
            var code = i.Instrument.Code;
            all.AddRange((await s.Exchange.TradesAsync(code, from, to).ConfigureAwait(false)).Select(DayTrade.Of));
            all.AddRange((await s.Exchange.SettledBlockTradesAsync(code, from, to).ConfigureAwait(false)).Select(DayTrade.Of));
            all.AddRange((await s.Exchange.ListingTradesAsync(code, from, to).ConfigureAwait(false)).Select(DayTrade.Of));
        }
        foreach (var auction in await s.Exchange.ClearedAuctionsAsync(from, to).ConfigureAwait(false))
        {
            all.AddRange((await s.Exchange.AuctionBidsAsync(auction.Id).ConfigureAwait(false))
                .Where(b => b.Status == OneWayBidStatus.Won && b.Won > 0)
                .Select(b => DayTrade.Of(auction, b)));
        }
        return [.. all.Where(t => of is null || of.Contains(t.BuyAccount) || of.Contains(t.SellAccount))
            .OrderBy(t => t.At).ThenBy(t => t.Kind).ThenBy(t => t.Id)];
    }
}
